# Shared by the Pester files: where the built module and rtmpx are, free ports, waiting on a condition.

$script:RepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModuleManifest = Join-Path $RepositoryRoot 'artifacts/RtmpXProtect/RtmpXProtect.psd1'

function Import-BuiltModule {
    if (-not (Test-Path $ModuleManifest)) {
        throw "No built module at ${ModuleManifest}: run ./build.ps1 -Task Package (or dotnet build src/PSModule) first."
    }
    Import-Module $ModuleManifest -Force -ErrorAction Stop
}

# Whether a test that drives a third-party program may run: yes when it is installed, and always under
# CI=true, where a missing peer must fail the test (at its first use) rather than skip it.
function Test-Peer {
    param([Parameter(Mandatory)][string] $Program)
    $env:CI -eq 'true' -or [bool](Get-Command $Program -ErrorAction SilentlyContinue)
}

# A port nothing listens on now, for a program that needs its port number up front. It comes from below
# the OS's ephemeral range, so no bind to port 0 (in this process or another) is given it before the program
# binds it: a just-released ephemeral port can be handed out again at once. Never the same one twice in a run.
$script:GivenPorts = [System.Collections.Generic.HashSet[int]]::new()
$script:PortPick = [System.Random]::new()
function Get-FreeTcpPort {
    $first = 32768
    $range = '/proc/sys/net/ipv4/ip_local_port_range'
    if (Test-Path $range) { $first = [int]((Get-Content $range -Raw).Split([char[]]"`t ")[0]) }
    $low = [Math]::Max(1024, $first - 12000)
    for ($attempt = 0; $attempt -lt 1000; $attempt++) {
        $port = $script:PortPick.Next($low, $first)
        if ($script:GivenPorts.Contains($port)) { continue }
        $probe = [System.Net.Sockets.Socket]::new('InterNetwork', 'Stream', 'Tcp')
        try {
            $probe.Bind([System.Net.IPEndPoint]::new([System.Net.IPAddress]::Loopback, $port))
            $null = $script:GivenPorts.Add($port)
            return $port
        } catch [System.Net.Sockets.SocketException] {
            # Taken: try another.
        } finally {
            $probe.Dispose()
        }
    }
    throw "No free loopback port in $low-$($first - 1)."
}

# Polls a condition until it holds or the deadline passes: waits for a state, never for a fixed time.
function Wait-Until {
    param([Parameter(Mandatory)][scriptblock] $Condition, [int] $TimeoutSeconds = 30, [string] $What = 'condition')
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        if (& $Condition) { return }
        Start-Sleep -Milliseconds 200
    }
    throw "Timed out after $TimeoutSeconds s waiting for $What."
}

# Start-Process -ArgumentList joins its items with spaces and quotes none of them (5.1 and 7): a path with a
# space (a user profile, $TestDrive) must carry its own quotes.
function ConvertTo-ProcessArgument {
    param([Parameter(Mandatory)][string] $Value)
    if ($Value -match '[\s"]') { '"' + ($Value -replace '"', '\"') + '"' } else { $Value }
}

# The rtmpx the solution built (dotnet build), run through dotnet so the same path works on every OS.
function Get-RtmpxDll {
    if ($env:RTMPX_CLI_DLL) { return $env:RTMPX_CLI_DLL }
    Get-ChildItem (Join-Path $RepositoryRoot 'src/Cli/bin') -Recurse -Filter rtmpx.dll -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1 -ExpandProperty FullName
}

# The XProtect protocol double (tests/RtmpXProtect.XProtectDouble) as a process on loopback, with one
# user and the cameras given (NAME=Annex B file). Returns the process, the site's addresses and its
# cameras; Stop-XProtectDouble ends it. The cameras play ffmpeg-made vectors of the engine tests.
function Start-XProtectDouble {
    param([Parameter(Mandatory)][string] $PasswordFile, [string[]] $Camera = @(), [switch] $Tls)
    $dll = if ($env:RTMPX_XPROTECT_DOUBLE_DLL) { $env:RTMPX_XPROTECT_DOUBLE_DLL } else {
        Get-ChildItem (Join-Path $RepositoryRoot 'tests/RtmpXProtect.XProtectDouble/bin') -Recurse -Filter RtmpXProtect.XProtectDouble.dll |
            Sort-Object LastWriteTime -Descending | Select-Object -First 1 -ExpandProperty FullName
    }
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($dll, '--password-file', $PasswordFile) + @($Camera | ForEach-Object { '--camera', $_ }) + @(if ($Tls) { '--tls' })) { $info.ArgumentList.Add($argument) }
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    $line = $process.StandardOutput.ReadLineAsync()
    if (-not $line.Wait([TimeSpan]::FromSeconds(60))) { $process.Kill(); throw 'the XProtect double did not start within 60 s' }
    $site = $line.Result | ConvertFrom-Json
    [pscustomobject]@{ Process = $process; ManagementServer = [uri]$site.managementServer; Cameras = $site.cameras }
}

function Stop-XProtectDouble {
    param([Parameter(Mandatory)] $Site)
    $Site.Process.StandardInput.Close()
    if (-not $Site.Process.WaitForExit(10000)) { $Site.Process.Kill() }
}

# ffmpeg publishing a test pattern to an RTMP URL until stopped.
function Start-TestPublisher {
    param([Parameter(Mandatory)][string] $Url, [int] $Seconds = 120)
    # -nostdin: with -NoNewWindow ffmpeg shares the console and would otherwise read (and eat) its keystrokes.
    $arguments = @('-hide_banner', '-nostdin', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', "testsrc=size=320x240:rate=25:duration=$Seconds",
        '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '25', '-f', 'flv', $Url)
    Start-Process -FilePath 'ffmpeg' -ArgumentList $arguments -PassThru -NoNewWindow
}

# A registry of instances of the test's own, so nothing touches /etc/rtmpx: every instance cmdlet reads it.
function Use-TestRegistry {
    param([Parameter(Mandatory)][string] $Folder)
    $env:RTMPX_INSTANCE_REGISTRY = Join-Path $Folder 'registry'
}

# A package folder with a placeholder rtmpx: the operations install it (copy it), nothing runs it. The real
# self-contained package is $env:RTMPX_TEST_PACKAGE, built by the xunit side before pwsh starts.
# A built driver as Install-RtmpXProtectComponent takes it: an assembly under the driver's name (the
# module's engine, for a real version) and its .def file.
function New-ComponentPackage {
    param([Parameter(Mandatory)][string] $Folder, [ValidateSet('Driver', 'Plugin')][string] $Component = 'Driver')
    $package = Join-Path $Folder $(if ($Component -eq 'Driver') { 'component' } else { 'component-plugin' })
    New-Item -ItemType Directory -Force -Path $package | Out-Null
    $assembly = "RtmpXProtect.$Component.dll"
    $definition = if ($Component -eq 'Driver') { 'RtmpXProtect.Driver.def' } else { 'plugin.def' }
    Copy-Item (Join-Path (Split-Path $ModuleManifest) 'bin/RtmpXProtect.Engine.dll') (Join-Path $package $assembly)
    Set-Content -Path (Join-Path $package $definition) -Value "<plugin><file name=`"$assembly`" /></plugin>"
    $package
}

function New-PlaceholderPackage {
    param([Parameter(Mandatory)][string] $Folder, [string] $Version = '0.7.0')
    $package = Join-Path $Folder "package-$Version"
    New-Item -ItemType Directory -Force -Path $package | Out-Null
    Set-Content -Path (Join-Path $package 'rtmpx') -Value "#!/bin/sh"
    Set-Content -Path (Join-Path $package 'rtmpx.exe') -Value 'placeholder'
    @{ name = 'rtmpx'; version = $Version; runtime = [RtmpXProtect.Engine.Management.Instances.RtmpxPackage]::HostRuntime } |
        ConvertTo-Json | Set-Content -Path (Join-Path $package 'rtmpx.package.json')
    $package
}
