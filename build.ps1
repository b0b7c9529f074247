<#
.SYNOPSIS
Builds, tests and packages RtmpXProtect; runs in Windows PowerShell 5.1 and PowerShell 7.

.DESCRIPTION
Build   : dotnet build of the solution (the module project lays out artifacts/RtmpXProtect as part of it).
Test    : dotnet test of the solution, then the Pester suite (tests/Pester) when Pester 5 is installed,
          with NUnit XML results in artifacts/TestResults/pester.xml.
Package : only the module folder, artifacts/RtmpXProtect (dotnet build -t:PackageModule).
-Mip    : also builds the XProtect driver and plugin (src/Driver, src/Plugin); they need the MIP SDK and Windows.

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
    # The XProtect driver and plugin are not in the repository yet: say so rather than build half of it.
    $missing = @('src/Driver', 'src/Plugin') | Where-Object { -not (Test-Path (Join-Path $root $_)) }
    if ($missing) {
        throw "-Mip: $($missing -join ' and ') do not exist yet (the XProtect driver and plugin are a later issue); nothing was built."
    }
    foreach ($project in Get-ChildItem (Join-Path $root 'src/Driver'), (Join-Path $root 'src/Plugin') -Filter *.csproj -Recurse) {
        Invoke-Dotnet @('build', $project.FullName, '-c', $Configuration)
    }
}

function Invoke-Pester5 {
    $pester = Get-Module -ListAvailable Pester | Where-Object { $_.Version.Major -ge 5 } | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Host 'Pester: not run (Pester 5 is not installed: Install-Module Pester -MinimumVersion 5.0)'
        return
    }
    Import-Module $pester -Force
    $results = Join-Path $root 'artifacts/TestResults'
    New-Item -ItemType Directory -Force -Path $results | Out-Null
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $root 'tests/Pester'
    $config.Run.PassThru = $true
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = Join-Path $results 'pester.xml'
    $config.Output.Verbosity = 'Detailed'
    if (-not $env:RTMPX_XPROTECT_SERVER) { $config.Filter.ExcludeTag = @('XProtect') }
    $run = Invoke-Pester -Configuration $config
    Write-Host "Pester: $($run.PassedCount) passed, $($run.FailedCount) failed, $($run.SkippedCount) skipped"
    if ($run.FailedCount -gt 0) { throw "Pester: $($run.FailedCount) failed" }
}

Push-Location $root
try {
    switch ($Task) {
        'Build' { Invoke-Dotnet @('build', 'RtmpXProtect.sln', '-c', $Configuration) }
        'Package' { Invoke-Dotnet @('build', 'src/PSModule/RtmpXProtect.PSModule.csproj', '-c', $Configuration, '-t:PackageModule') }
        'Test' {
            Invoke-Dotnet @('test', 'RtmpXProtect.sln', '-c', $Configuration)
            Invoke-Pester5
        }
    }
    if ($Mip) { Build-Mip }
    Write-Host "Module folder: $(Join-Path $root 'artifacts/RtmpXProtect')"
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
