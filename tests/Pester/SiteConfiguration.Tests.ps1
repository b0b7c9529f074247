#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# dsc/examples/site.ps1, the PowerShell DSC configuration of the site, against site.dsc.yaml and applied
# through the class resources. PowerShell 7 on Linux cannot compile a Configuration (its parser needs PS
# DSC for Linux's schema store, and PSDesiredStateConfiguration is not in this machine's NuGet mirror), so
# a stand-in compiler evaluates it as the DSC compiler would for what the file uses: the Configuration
# body run once per node of AllNodes (the '*' entry's values merged in), each resource block's
# "Property = value" lines evaluated as a hashtable with $Node set, DependsOn read for the order, an
# embedded instance (RtmpDestination { … }) made an object of its class, and a hashtable property held
# as a MOF holds one (MSFT_KeyValuePair: string values only, so a nested table is a compile error here).
# The resources are then applied as the LCM applies them: Test(), Set() when not in the desired state.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-BuiltModule
    $machine = Join-Path ([System.IO.Path]::GetTempPath()) ("rtmpx-pester-site-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Force -Path $machine | Out-Null
    Use-TestRegistry $machine
    $package = New-PlaceholderPackage $machine
    $module = Get-Module RtmpXProtect
    $examples = Join-Path $RepositoryRoot 'dsc/examples'

    # The site as this machine holds it: three roots, service none, ports of its own.
    $ports = @{}
    foreach ($server in 'rs1', 'rs2', 'rs3') { $ports[$server] = @{ Rtmp = "127.0.0.1:$(Get-FreeTcpPort)"; Rtmps = "127.0.0.1:$(Get-FreeTcpPort)"; Api = "127.0.0.1:$(Get-FreeTcpPort)" } }
    $keys = @{ rs1 = 'ps-site-key-1'; rs2 = 'ps-site-key-2'; rs3 = 'ps-site-key-3' }
    $urls = @{ rs1 = 'rtmp://127.0.0.1:1/live/rs1-out-key'; rs2 = 'rtmp://127.0.0.1:1/live/rs2-out-key'; rs3 = 'rtmp://127.0.0.1:1/live/rs3-out-key' }

    # The stand-in compiler: what Configuration, Node and a resource keyword do at compile time.
    function Invoke-SiteConfiguration {
        $text = (Get-Content (Join-Path $examples 'site.ps1') -Raw) -replace '(?m)^Configuration\s+(\w+)\s*\{', 'function $1 {'
        $script:compiled = [System.Collections.Generic.List[object]]::new()
        . ([scriptblock]::Create($text))
        # Hashtables: their keys are not properties for Where-Object's short form.
        $defaults = $RtmpXProtectSite.AllNodes | Where-Object { $_.NodeName -eq '*' }
        $script:AllNodes = foreach ($entryNode in $RtmpXProtectSite.AllNodes | Where-Object { $_.NodeName -ne '*' }) {
            $merged = @{}
            foreach ($entry in $defaults.GetEnumerator()) { $merged[$entry.Key] = $entry.Value }
            foreach ($entry in $entryNode.GetEnumerator()) { $merged[$entry.Key] = $entry.Value }
            $merged.SiteRoot = Join-Path $machine 'roots'
            $merged.Package = $package
            $merged.Service = 'none'
            $merged.Domain = 'site.test'
            foreach ($listener in 'Rtmp', 'Rtmps', 'Api') { $merged[$listener] = $ports[$merged.NodeName][$listener] }
            $merged
        }
        function Import-DscResource { param([string] $ModuleName) }
        function Node {
            param([string[]] $Name, [scriptblock] $Body)
            foreach ($nodeName in $Name) {
                # Local to this call, so the resource blocks' $Node (found by dynamic scope) is this node.
                $Node = $AllNodes | Where-Object { $_.NodeName -eq $nodeName }
                & $Body
            }
        }
        $destination = $module.Invoke([scriptblock]::Create("'RtmpDestination' -as 'type'"))
        function RtmpDestination([scriptblock] $Body) {
            $made = $destination::new()
            foreach ($entry in (& ([scriptblock]::Create('@{' + $Body.ToString() + '}'))).GetEnumerator()) { $made.($entry.Key) = $entry.Value }
            $made
        }
        foreach ($class in 'RtmpInstance', 'RtmpCertificate', 'RtmpPath', 'RtmpStream') {
            Set-Item "function:$class" -Value {
                param([string] $Id, [scriptblock] $Body)
                $properties = & ([scriptblock]::Create('@{' + $Body.ToString() + '}'))
                foreach ($name in @($properties.Keys | Where-Object { $properties[$_] -is [hashtable] })) {
                    $held = @{}
                    foreach ($entry in $properties[$name].GetEnumerator()) {
                        if ($entry.Value -is [System.Collections.IDictionary] -or $entry.Value -is [array]) { throw "$Id.$name.$($entry.Key): a MOF hashtable holds strings only" }
                        $held[$entry.Key] = "$($entry.Value)"
                    }
                    $properties[$name] = $held
                }
                $script:compiled.Add([pscustomobject]@{ Node = $Node.NodeName; Class = $MyInvocation.MyCommand.Name; Id = $Id; Properties = $properties })
            }
        }
        RtmpXProtectSite -PublishKeys $keys -StreamUrls $urls
        $compiled
    }

    # The LCM's way with one resource: Test(), and Set() when that is false.
    function Invoke-Resource([object] $Resource) {
        $type = $module.Invoke([scriptblock]::Create("'$($Resource.Class)' -as 'type'"))
        $instance = $type::new()
        foreach ($entry in $Resource.Properties.GetEnumerator() | Where-Object Key -NE 'DependsOn') {
            $instance.($entry.Key) = $entry.Value
        }
        if ($instance.Test()) { return $false }
        $instance.Set()
        $instance.Test() | Should -BeTrue -Because "$($Resource.Node) $($Resource.Id) is in its desired state after Set()"
        return $true
    }

    $resources = Invoke-SiteConfiguration
}

AfterAll {
    Remove-Item Env:RTMPX_INSTANCE_REGISTRY -ErrorAction SilentlyContinue
    Remove-Item $machine -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'site.ps1' {
    It 'compiles to the four resources of each of the three servers, each after what it depends on' {
        @($resources | ForEach-Object { "$($_.Node) $($_.Class)" }) | Should -Be @(
            'rs1 RtmpInstance', 'rs1 RtmpCertificate', 'rs1 RtmpPath', 'rs1 RtmpStream',
            'rs2 RtmpInstance', 'rs2 RtmpCertificate', 'rs2 RtmpPath', 'rs2 RtmpStream',
            'rs3 RtmpInstance', 'rs3 RtmpCertificate', 'rs3 RtmpPath', 'rs3 RtmpStream')
        foreach ($resource in $resources | Where-Object { $_.Properties.DependsOn }) {
            $dependency = $resource.Properties.DependsOn -replace '^\[(\w+)\](\w+)$', '$1 $2'
            $earlier = $resources[0..([array]::IndexOf($resources, $resource))] | Where-Object { $_.Node -eq $resource.Node -and "$($_.Class) $($_.Id)" -eq $dependency }
            $earlier | Should -Not -BeNullOrEmpty -Because "$($resource.Id) depends on $dependency"
        }
    }

    It 'describes what site.dsc.yaml describes, property by property' {
        # site.dsc.yaml's resources, with the values its parameters get here, read by the engine's own
        # YAML-free route: the properties the document writes for rs1, as JSON names.
        $yaml = Get-Content (Join-Path $examples 'site.dsc.yaml') -Raw
        foreach ($server in 'rs1', 'rs2', 'rs3') {
            $instance = ($resources | Where-Object { $_.Node -eq $server -and $_.Class -eq 'RtmpInstance' }).Properties
            @($instance.Keys | Sort-Object) | Should -Be @('Api', 'Config', 'Name', 'Package', 'Root', 'Rtmp', 'Rtmps', 'Service')
            $instance.Config['paths.mode'] | Should -Be 'fixed'
            $instance.Config['limits.maxConnectionsPerAddress'] | Should -Be '20'
            $certificate = ($resources | Where-Object { $_.Node -eq $server -and $_.Class -eq 'RtmpCertificate' }).Properties
            $certificate.DnsNames | Should -Be "$server.site.test"
            ($resources | Where-Object { $_.Node -eq $server -and $_.Class -eq 'RtmpPath' }).Properties.Path | Should -Be 'live/cam1'
            ($resources | Where-Object { $_.Node -eq $server -and $_.Class -eq 'RtmpStream' }).Properties.Source | Should -Be 'ingest:live/cam1'
        }
        foreach ($property in 'maxConnectionsPerAddress: 20', 'mode: fixed', 'path: live/cam1', 'source: ingest:live/cam1', "concat('rs1.', parameters('domain'))") {
            $yaml | Should -Match ([regex]::Escape($property))
        }
    }

    It 'applies through the class resources: the first pass sets every resource, the second none and rewrites no file' {
        @($resources | Where-Object { Invoke-Resource $_ }).Count | Should -Be 12
        $stamps = Get-ChildItem (Join-Path $machine 'roots'), (Join-Path $machine 'registry') -Recurse -File | ForEach-Object { "$($_.FullName) $($_.LastWriteTimeUtc.Ticks)" }
        @($resources | Where-Object { Invoke-Resource $_ }).Count | Should -Be 0
        Get-ChildItem (Join-Path $machine 'roots'), (Join-Path $machine 'registry') -Recurse -File | ForEach-Object { "$($_.FullName) $($_.LastWriteTimeUtc.Ticks)" } | Should -Be $stamps
        @(Get-RtmpInstance).Name | Should -Be @('rs1', 'rs2', 'rs3')
        (Get-RtmpInstanceCertificate rs2).Subject | Should -Be 'CN=rs2.site.test'
        (Get-RtmpPath rs3 live/cam1).PublishKeyCount | Should -Be 1
        (Get-Content (Join-Path $machine 'roots/rs1/rtmpx.json') -Raw) | Should -Not -Match 'rs1-out-key'
    }
}
