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
          Also the XProtect plugin folder, artifacts/XProtect/Plugin: RtmpXProtect.Plugin.dll, its
          dependencies, plugin.def and the helper rtmpx.exe (win-x64, self-contained, one file).
-Mip    : also builds the XProtect driver (src/Driver) and plugin (src/Plugin) against the real MIP
          packages (MilestoneSystems.VideoOS.Platform.DriverFramework and MilestoneSystems.VideoOS.Platform,
          pinned in their projects) instead of the reference-only facades in build/MipFacade and
          build/MipPlatformFacade that every other build compiles them against; the packages come
          from Milestone's feed, so this needs a machine that can restore them.

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
    foreach ($folder in 'src/Driver', 'src/Plugin') {
        foreach ($project in Get-ChildItem (Join-Path $root $folder) -Filter *.csproj -Recurse) {
            Invoke-Dotnet @('build', $project.FullName, '-c', $Configuration, '-p:Mip=true')
        }
    }
}

# artifacts/XProtect/Plugin, what the RtmpXProtect/Plugin resource installs into MIPPlugins\RtmpXProtect:
# RtmpXProtect.Plugin.dll with its dependencies and plugin.def, and beside them the helper rtmpx.exe,
# self-contained and in one file so its runtime's assemblies never sit next to the plugin's.
function Publish-Plugin {
    $target = Join-Path $root 'artifacts/XProtect/Plugin'
    if (Test-Path $target) { Remove-Item $target -Recurse -Force }
    $arguments = @('build', 'src/Plugin/RtmpXProtect.Plugin.csproj', '-c', $Configuration)
    if ($Mip) { $arguments += '-p:Mip=true' }
    Invoke-Dotnet $arguments
    # The build output, not -o: -o would also drop the facade's VideoOS.Platform.dll there, and
    # XProtect must load its own (the facade is referenced with Private=false, so bin has none).
    New-Item -ItemType Directory -Path $target -Force | Out-Null
    Copy-Item (Join-Path $root "src/Plugin/bin/$Configuration/net48/*") $target -Recurse
    $helper = Join-Path $root 'artifacts/obj/plugin-helper'
    Invoke-Dotnet @('publish', 'src/Cli/Cli.csproj', '-c', 'Release', '-r', 'win-x64', '--self-contained', 'true',
        '-p:PublishSingleFile=true', '-p:IncludeNativeLibrariesForSelfExtract=true', '-o', $helper)
    Copy-Item (Join-Path $helper 'rtmpx.exe') $target
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
            Publish-Plugin
        }
        'Test' {
            Invoke-Dotnet @('test', 'RtmpXProtect.sln', '-c', $Configuration)
            Invoke-DesktopPester
        }
    }
    if ($Mip) { Build-Mip }
    Write-Host "Module folder: $(Join-Path $root 'artifacts/RtmpXProtect')"
    if ($Task -eq 'Package') {
        Write-Host "rtmpx packages: $(Join-Path $root 'artifacts/packages')"
        Write-Host "XProtect plugin: $(Join-Path $root 'artifacts/XProtect/Plugin')"
    }
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
