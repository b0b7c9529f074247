# The root module of RtmpXProtect: the binary cmdlets come from the nested bin/RtmpXProtect.dll, and the
# PowerShell DSC class resources are here, because DSC's PowerShell adapter imports the module by name and
# resolves a class in the scope of the module whose root file declares it. Each class is a thin face of
# the engine's resource type of the same name (RtmpXProtect/Instance, …): the properties set on it are the
# desired state, sent as the same JSON `rtmpx resource` takes, to the same engine operations.
#
# A property left $null is not managed (neither set nor compared). Rtmp, Rtmps and Api take 'none' for
# "no listener", since $null already means "leave it". Write-only properties (Package, Password,
# PublishKeys, destination urls) are never read back.
#
# Every type is one Windows PowerShell 5.1's MOF can carry: destinations are a class of their own (an
# embedded instance), not hashtables, and Config takes dotted keys ('limits.maxConnections' = '500'),
# as a MOF hashtable holds only strings.

# One destination of an RtmpStream: exactly one of Url, UrlFile or UrlEnv.
class RtmpDestination {
    # The rtmp:// or rtmps:// URL with its key: stored in the instance's secrets/, never read back.
    [DscProperty()] [string] $Url

    # A file holding the URL, relative to the instance's root.
    [DscProperty()] [string] $UrlFile

    # An environment variable (of the instance's service) holding the URL.
    [DscProperty()] [string] $UrlEnv

    # Accept a server whose certificate does not validate.
    [DscProperty()] [Nullable[bool]] $AllowUntrustedCertificate

    # The URL with its key masked.
    [DscProperty(NotConfigurable)] [string] $Shown
}

class RtmpDscResource {
    # The engine resource type this class faces.
    hidden [string] $ResourceType

    # JSON properties whose null is a value ("off") and which the class writes as 'none'.
    hidden [string[]] $NoneMeansNull = @()

    # Properties that are input only (packages, keys, passwords): never read back, so Get() clears them
    # rather than hand back what it was given (the adapter prints what Get() returns).
    hidden [string[]] $WriteOnly = @()

    # Properties of the class alone, not of the engine resource (IsSingleInstance): never sent.
    hidden [string[]] $ClassOnly = @()

    RtmpDscResource([string] $resourceType) {
        $this.ResourceType = $resourceType
    }

    # The DscProperty properties of the class, configurable or not.
    hidden [System.Reflection.PropertyInfo[]] DscProperties() {
        return @($this.GetType().GetProperties() | Where-Object {
                $_.GetCustomAttributes([System.Management.Automation.DscPropertyAttribute], $true).Count -gt 0
            })
    }

    hidden static [string] JsonName([string] $name) {
        if ($name -eq '_exist') { return $name }
        return $name.Substring(0, 1).ToLowerInvariant() + $name.Substring(1)
    }

    # The desired state: every configurable property that is not $null, by its JSON name.
    hidden [hashtable] Desired() {
        $desired = @{}
        foreach ($property in $this.DscProperties()) {
            $attribute = $property.GetCustomAttributes([System.Management.Automation.DscPropertyAttribute], $true)[0]
            $value = $property.GetValue($this)
            $name = [RtmpDscResource]::JsonName($property.Name)
            if ($attribute.NotConfigurable -or $null -eq $value -or $this.ClassOnly -contains $name) { continue }
            if ($value -is [pscredential]) {
                $desired[$name] = $value.GetNetworkCredential().Password
            }
            elseif ($this.NoneMeansNull -contains $name -and $value -eq 'none') {
                $desired[$name] = $null
            }
            elseif ($value -is [RtmpDestination[]]) {
                $desired[$name] = @(foreach ($item in $value) { [RtmpDscResource]::Given($item) })
            }
            elseif ($value -is [hashtable]) {
                $desired[$name] = [RtmpDscResource]::Undotted($value)
            }
            else {
                $desired[$name] = $value
            }
        }
        return $desired
    }

    # The configurable properties of a nested object that are set, by their JSON names.
    hidden static [hashtable] Given([object] $item) {
        $given = @{}
        foreach ($property in $item.GetType().GetProperties()) {
            $attribute = $property.GetCustomAttributes([System.Management.Automation.DscPropertyAttribute], $true) | Select-Object -First 1
            $value = $property.GetValue($item)
            if ($null -eq $attribute -or $attribute.NotConfigurable -or $null -eq $value) { continue }
            $given[[RtmpDscResource]::JsonName($property.Name)] = $value
        }
        return $given
    }

    # 'limits.maxConnections' = '500' as limits = @{ maxConnections = 500 }: a dotted key's string is read as
    # JSON when it is JSON (500, true, ["10.0.0.0/8"]) and kept as text otherwise (fixed).
    hidden static [hashtable] Undotted([hashtable] $table) {
        $nested = @{}
        foreach ($key in $table.Keys) {
            $value = $table[$key]
            if ($value -is [hashtable]) { $value = [RtmpDscResource]::Undotted($value) }
            $parts = "$key".Split('.')
            if ($parts.Count -gt 1 -and $value -is [string] -and $value.Length -gt 0) {
                try {
                    $parsed = ConvertFrom-Json -InputObject $value -ErrorAction Stop
                    # PowerShell 7 unrolls a JSON array (a one-item one to its item); 5.1 has no -NoEnumerate.
                    $value = if ($value.TrimStart().StartsWith('[')) { , @($parsed) } else { $parsed }
                }
                catch { }
                $value = [RtmpDscResource]::ToHashtable($value)
            }
            $at = $nested
            for ($i = 0; $i -lt $parts.Count - 1; $i++) {
                if ($at[$parts[$i]] -isnot [hashtable]) { $at[$parts[$i]] = @{} }
                $at = $at[$parts[$i]]
            }
            $at[$parts[-1]] = $value
        }
        return $nested
    }

    # Runs the engine operation on the desired state; its JSON result as a hashtable.
    hidden [hashtable] Invoke([string] $operation) {
        $json = ConvertTo-Json -InputObject $this.Desired() -Depth 32 -Compress
        $instance = [System.Text.Json.Nodes.JsonNode]::Parse($json)
        $resource = [RtmpXProtect.Engine.Management.DesiredState.ResourceCatalog]::new().Find($this.ResourceType)
        $log = [RtmpXProtect.Engine.Management.DesiredState.OperationLog]::new(
            [Action[string]] { param($message) Write-Verbose $message },
            [Action[string]] { param($message) Write-Warning $message })
        # Assigned, never sent down a pipeline: PowerShell would enumerate the JsonObject's members.
        if ($operation -eq 'get') { $output = $resource.Get($instance) }
        elseif ($operation -eq 'test') { $output = $resource.Test($instance) }
        else { $output = $resource.Set($instance, $log) }
        return [RtmpDscResource]::ToHashtable((ConvertFrom-Json $output.ToJsonString()))
    }

    # The reported state into the properties: write-only ones, and any the state does not report (an
    # instance that does not exist reports only its keys), are cleared, so Get() never hands back a key
    # or a URL it was given.
    hidden [void] Take([hashtable] $state) {
        foreach ($property in $this.DscProperties()) {
            $name = [RtmpDscResource]::JsonName($property.Name)
            $key = $property.GetCustomAttributes([System.Management.Automation.DscPropertyAttribute], $true)[0].Key
            # A ValidateSet property (audio, service) holds no secret and refuses $null: it keeps its value.
            $validated = $property.GetCustomAttributes([System.Management.Automation.ValidateArgumentsAttribute], $true).Count -gt 0
            if ($this.WriteOnly -contains $name -or (-not $key -and -not $validated -and -not $state.ContainsKey($name))) {
                $property.SetValue($this, $null)
                continue
            }

            if (-not $state.ContainsKey($name)) { continue }
            $value = $state[$name]
            if ($null -eq $value -and $this.NoneMeansNull -contains $name) { $value = 'none' }
            if ($null -ne $value) {
                # PowerShell's own conversion: JSON numbers come as Int64, arrays as object[].
                $value = [System.Management.Automation.LanguagePrimitives]::ConvertTo($value, $property.PropertyType)
            }
            $property.SetValue($this, $value)
        }
    }

    # ConvertFrom-Json gives PSCustomObject; classes and Windows PowerShell 5.1 (no -AsHashtable) want hashtables.
    hidden static [object] ToHashtable([object] $value) {
        if ($value -is [System.Management.Automation.PSCustomObject]) {
            $table = @{}
            foreach ($member in $value.PSObject.Properties) { $table[$member.Name] = [RtmpDscResource]::ToHashtable($member.Value) }
            return $table
        }
        if ($value -is [System.Collections.IList]) {
            # A loop, not a pipeline: a pipeline would flatten an array inside the array.
            $items = [System.Collections.Generic.List[object]]::new()
            foreach ($item in $value) { $items.Add([RtmpDscResource]::ToHashtable($item)) }
            return $items.ToArray()
        }
        return $value
    }
}

[DscResource()]
class RtmpInstance : RtmpDscResource {
    # The instance's name, unique on the machine; its service is rtmpx-NAME.
    [DscProperty(Key)] [string] $Name

    # Whether the instance should exist; $false removes it, its root folder and its service.
    [DscProperty()] [bool] $_exist = $true

    # The root folder (default /opt/rtmpx/NAME, on Windows %ProgramFiles%\RtmpXProtect\NAME).
    [DscProperty()] [string] $Root

    # A package (folder or .zip) to install from; another version replaces the installed rtmpx.
    [DscProperty()] [string] $Package

    # The installed rtmpx version.
    [DscProperty(NotConfigurable)] [string] $Version

    # Plain RTMP's ADDRESS:PORT, or 'none'.
    [DscProperty()] [string] $Rtmp

    # RTMPS's ADDRESS:PORT, or 'none'; its certificate is the instance's RtmpCertificate.
    [DscProperty()] [string] $Rtmps

    # RTSP's ADDRESS:PORT, or 'none' (off until given).
    [DscProperty()] [string] $Rtsp

    # The status API's loopback ADDRESS:PORT, or 'none'.
    [DscProperty()] [string] $Api

    # systemd, windows or none.
    [DscProperty()] [ValidateSet('systemd', 'windows', 'none')] [string] $Service

    # running or stopped (enforced for systemd and windows).
    [DscProperty()] [ValidateSet('running', 'stopped')] [string] $State

    # Sections of rtmpx.json: limits, paths, auth, hooks, record, logging, metrics.
    [DscProperty()] [hashtable] $Config

    RtmpInstance() : base('RtmpXProtect/Instance') {
        $this.NoneMeansNull = @('rtmp', 'rtmps', 'rtsp', 'api')
        $this.WriteOnly = @('package')
    }

    [RtmpInstance] Get() { $this.Take($this.Invoke('get')); return $this }

    [bool] Test() { return $this.Invoke('test')['_inDesiredState'] }

    [void] Set() { $null = $this.Invoke('set') }

    static [RtmpInstance[]] Export() {
        return @([RtmpXProtect.Engine.Management.DesiredState.ResourceCatalog]::new().Find('RtmpXProtect/Instance').Export($null) | ForEach-Object {
                $instance = [RtmpInstance]::new()
                $instance.Take([RtmpDscResource]::ToHashtable((ConvertFrom-Json $_.ToJsonString())))
                $instance
            })
    }
}

[DscResource()]
class RtmpCertificate : RtmpDscResource {
    # The instance whose RTMPS certificate this is.
    [DscProperty(Key)] [string] $Instance

    # Whether the instance should have a certificate.
    [DscProperty()] [bool] $_exist = $true

    # selfSigned (made here, renewed) or pfx (given).
    [DscProperty()] [ValidateSet('selfSigned', 'pfx')] [string] $Source

    # Host names of a self-signed certificate.
    [DscProperty()] [string[]] $DnsNames

    # IP addresses of a self-signed certificate.
    [DscProperty()] [string[]] $IpAddresses

    # Days a self-signed certificate is made valid for.
    [DscProperty()] [Nullable[int]] $ValidDays

    # A self-signed certificate with fewer days left is renewed.
    [DscProperty()] [Nullable[int]] $RenewDaysBefore

    # A PFX to install (source pfx).
    [DscProperty()] [string] $PfxPath

    # A PFX as base64 (source pfx).
    [DscProperty()] [string] $PfxBase64

    # The PFX's password (the user name is not used); never stored.
    [DscProperty()] [pscredential] $Password

    # LocalMachine\My to import it there too (Windows).
    [DscProperty()] [string] $Store

    # SHA-1 thumbprint.
    [DscProperty(NotConfigurable)] [string] $Thumbprint

    # Subject.
    [DscProperty(NotConfigurable)] [string] $Subject

    # Expiry (UTC, ISO 8601).
    [DscProperty(NotConfigurable)] [string] $NotAfter

    RtmpCertificate() : base('RtmpXProtect/Certificate') {
        $this.WriteOnly = @('pfxPath', 'pfxBase64', 'password')
    }

    [RtmpCertificate] Get() { $this.Take($this.Invoke('get')); return $this }

    [bool] Test() { return $this.Invoke('test')['_inDesiredState'] }

    [void] Set() { $null = $this.Invoke('set') }
}

[DscResource()]
class RtmpPath : RtmpDscResource {
    # The instance.
    [DscProperty(Key)] [string] $Instance

    # app/stream, or a bare stream name.
    [DscProperty(Key)] [string] $Path

    # Whether the path should exist.
    [DscProperty()] [bool] $_exist = $true

    # Keys that publish (and play) the path; compared, never shown.
    [DscProperty()] [string[]] $PublishKeys

    # Keys that only play it.
    [DscProperty()] [string[]] $PlayKeys

    # How many publish keys it has.
    [DscProperty(NotConfigurable)] [Nullable[int]] $PublishKeyCount

    # How many play keys it has.
    [DscProperty(NotConfigurable)] [Nullable[int]] $PlayKeyCount

    # Addresses or CIDR ranges its publishers must come from.
    [DscProperty()] [string[]] $Publishers

    # $true records its publishes, $false never.
    [DscProperty()] [Nullable[bool]] $Record

    RtmpPath() : base('RtmpXProtect/Path') {
        $this.WriteOnly = @('publishKeys', 'playKeys')
    }

    [RtmpPath] Get() { $this.Take($this.Invoke('get')); return $this }

    [bool] Test() { return $this.Invoke('test')['_inDesiredState'] }

    [void] Set() { $null = $this.Invoke('set') }
}

[DscResource()]
class RtmpStream : RtmpDscResource {
    # The instance that runs the stream.
    [DscProperty(Key)] [string] $Instance

    # The stream's name.
    [DscProperty(Key)] [string] $Name

    # Whether the stream should exist.
    [DscProperty()] [bool] $_exist = $true

    # ingest:live/cam1, an rtmp(s):// URL, an .flv or .mp4 file or gbd:FILE.
    [DscProperty()] [string] $Source

    # Where it goes: @{ Url = '…' } (stored in secrets/), @{ UrlFile = '…' } or @{ UrlEnv = '…' }, as RtmpDestination.
    [DscProperty()] [RtmpDestination[]] $Destinations

    # Whether the instance runs it.
    [DscProperty()] [Nullable[bool]] $Enabled

    # auto, passthrough, silent or none.
    [DscProperty()] [ValidateSet('auto', 'passthrough', 'silent', 'none')] [string] $Audio

    # passthrough or requireH264.
    [DscProperty()] [ValidateSet('passthrough', 'requireH264')] [string] $Video

    RtmpStream() : base('RtmpXProtect/Stream') {
    }

    [RtmpStream] Get() { $this.Take($this.Invoke('get')); return $this }

    [bool] Test() { return $this.Invoke('test')['_inDesiredState'] }

    [void] Set() { $null = $this.Invoke('set') }
}

# RtmpXProtect/Driver and RtmpXProtect/Plugin have no key (one of each per machine); a class resource must
# have one, so they take DSC's usual IsSingleInstance = 'Yes', which the engine never sees.
class RtmpXProtectComponent : RtmpDscResource {
    # Always 'Yes': there is one of it per machine.
    [DscProperty(Key)] [ValidateSet('Yes')] [string] $IsSingleInstance = 'Yes'

    # Whether it should be installed; $false removes its folder.
    [DscProperty()] [bool] $_exist = $true

    # A folder with the built component (its assembly and .def file) to install or upgrade from.
    [DscProperty()] [string] $Package

    # The folder holding Milestone\MIPDrivers or Milestone\MIPPlugins; %ProgramFiles% when left out.
    [DscProperty()] [string] $Root

    # Stop the service that loads it before its files change and start it after, if it was running (Windows).
    [DscProperty()] [Nullable[bool]] $RestartService

    # The installed version.
    [DscProperty(NotConfigurable)] [string] $Version

    # Where it is installed.
    [DscProperty(NotConfigurable)] [string] $Path

    # Running, Stopped or NotInstalled: the service that loads it; Unknown where there are no Windows services.
    [DscProperty(NotConfigurable)] [string] $ServiceState

    RtmpXProtectComponent([string] $resourceType) : base($resourceType) {
        $this.WriteOnly = @('package')
        $this.ClassOnly = @('isSingleInstance')
    }
}

[DscResource()]
class RtmpXProtectDriver : RtmpXProtectComponent {
    RtmpXProtectDriver() : base('RtmpXProtect/Driver') {
    }

    [RtmpXProtectDriver] Get() { $this.Take($this.Invoke('get')); return $this }

    [bool] Test() { return $this.Invoke('test')['_inDesiredState'] }

    [void] Set() { $null = $this.Invoke('set') }
}

[DscResource()]
class RtmpXProtectPlugin : RtmpXProtectComponent {
    RtmpXProtectPlugin() : base('RtmpXProtect/Plugin') {
    }

    [RtmpXProtectPlugin] Get() { $this.Take($this.Invoke('get')); return $this }

    [bool] Test() { return $this.Invoke('test')['_inDesiredState'] }

    [void] Set() { $null = $this.Invoke('set') }
}
