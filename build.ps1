<#
.SYNOPSIS
Builds, tests and packages RtmpXProtect; runs in Windows PowerShell 5.1 and PowerShell 7.

.DESCRIPTION
Build   : dotnet build of the solution (the module project lays out artifacts/RtmpXProtect as part of it).
Test    : dotnet test of the solution, which runs the Pester suite (tests/Pester) in PowerShell 7 with Pester
          from NuGet (NUnit XML in artifacts/TestResults/pester/); from Windows PowerShell 5.1 the same suite
          then runs again in this host, through the same runner (tests/Pester/Invoke-RtmpPester.ps1).
Package : the module folder, artifacts/RtmpXProtect (dotnet build -t:PackageModule), and the self-contained
          rtmpx packages instances install from, artifacts/packages/rtmpx-VERSION-{linux-x64,win-x64}.zip.
          On Linux the linux-x64 one is compiled ahead of time (NativeAOT; needs clang and zlib1g-dev).
-Mip    : also builds the XProtect driver (src/Driver) against the real MIP Driver Framework package
          (MilestoneSystems.VideoOS.Platform.DriverFramework, pinned in its project) instead of the
          reference-only facade in build/MipFacade that every other build compiles it against; the
          package comes from Milestone's feed, so this needs a machine that can restore it.

.EXAMPLE
./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    [switch] $Mip
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot

function Invoke-Dotnet {
    param([string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')"
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE" }
}

function Build-Mip {
    # The plugin (src/Plugin) is not in the repository yet: only the driver is built against the SDK.
    foreach ($project in Get-ChildItem (Join-Path $root 'src/Driver') -Filter *.csproj -Recurse) {
        Invoke-Dotnet @('build', $project.FullName, '-c', $Configuration, '-p:Mip=true')
    }
}

# The suite again in this host, when it is Windows PowerShell 5.1: dotnet test ran it in PowerShell 7 only.
function Invoke-DesktopPester {
    if ($PSVersionTable.PSEdition -ne 'Desktop') { return }
    $pester = Get-ChildItem (Join-Path $env:USERPROFILE '.nuget/packages/pester/5.7.1/tools/Pester.psd1') -ErrorAction SilentlyContinue
    $runner = Join-Path $root 'tests/Pester/Invoke-RtmpPester.ps1'
    $files = (Get-ChildItem (Join-Path $root 'tests/Pester') -Filter *.Tests.ps1).FullName
    $arguments = @{ Path = $files; NUnitPath = (Join-Path $root 'artifacts/TestResults/pester/desktop.xml') }
    if ($pester) { $arguments.PesterModule = $pester.FullName }
    & $runner @arguments
    if ($LASTEXITCODE -ne 0) { throw 'Pester in Windows PowerShell 5.1 failed' }
}

Push-Location $root
try {
    switch ($Task) {
        'Build' { Invoke-Dotnet @('build', 'RtmpXProtect.sln', '-c', $Configuration) }
        'Package' {
            Invoke-Dotnet @('build', 'src/PSModule/RtmpXProtect.PSModule.csproj', '-c', $Configuration, '-t:PackageModule')
            foreach ($runtime in 'linux-x64', 'win-x64') {
                Invoke-Dotnet @('publish', 'src/Cli/Cli.csproj', '-c', 'Release', '-r', $runtime, '-p:RtmpxPackage=true')
            }
        }
        'Test' {
            Invoke-Dotnet @('test', 'RtmpXProtect.sln', '-c', $Configuration)
            Invoke-DesktopPester
        }
    }
    if ($Mip) { Build-Mip }
    Write-Host "Module folder: $(Join-Path $root 'artifacts/RtmpXProtect')"
    if ($Task -eq 'Package') { Write-Host "rtmpx packages: $(Join-Path $root 'artifacts/packages')" }
}
catch {
    # An explicit non-zero exit code for CI, whichever way the script was started (-File, -Command, & ./build.ps1).
    Write-Host "build.ps1 $Task failed: $($_.Exception.Message)" -ForegroundColor Red
    exit 1
}
finally {
    Pop-Location
}
exit 0
