<#
.SYNOPSIS
Runs Pester files of tests/Pester and writes every test's outcome as JSON: what `dotnet test` (through
tests/RtmpXProtect.PSModule.Tests) and `build.ps1 -Task Test` both run.

.DESCRIPTION
Exit code 0 when every test and every block passed, 1 otherwise. A failure in a BeforeAll or in
discovery fails the file's container, which is reported as a failed entry of its own, so a file that
cannot even start is never read as "no tests, no failures".

.EXAMPLE
pwsh -NoProfile -File tests/Pester/Invoke-RtmpPester.ps1 -Path tests/Pester/Help.Tests.ps1
#>
[CmdletBinding(PositionalBinding = $false)]
param(
    # Pester files to run (-Path a.Tests.ps1, b.Tests.ps1).
    [Parameter(Mandatory)]
    [string[]] $Path,

    # A Pester.psd1 to import (the NuGet package's tools/ folder); the newest installed Pester 5 when omitted.
    [string] $PesterModule,

    # Where to write the outcomes as a JSON array of { name, result, message, seconds }.
    # Named only and never a .ps1: a second test file given loosely once overwrote itself with results.
    [ValidatePattern('\.json$')]
    [string] $ResultPath,

    # Where to write NUnit XML, for CI systems that read it.
    [ValidatePattern('\.xml$')]
    [string] $NUnitPath,

    # Tags to leave out; XProtect (needs a real XProtect server) unless RTMPX_XPROTECT_SERVER is set.
    [string[]] $ExcludeTag = $(if ($env:RTMPX_XPROTECT_SERVER) { @() } else { @('XProtect') })
)

$ErrorActionPreference = 'Stop'
if ($PesterModule) {
    Import-Module $PesterModule -Force
}
else {
    $installed = Get-Module -ListAvailable Pester | Where-Object { $_.Version.Major -eq 5 } | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $installed) { throw 'Pester 5 is not installed: give -PesterModule (the NuGet package Pester, tools/Pester.psd1) or Install-Module Pester -RequiredVersion 5.7.1.' }
    Import-Module $installed -Force
}

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
# The output is read from a log, not a terminal: no colour escapes in it.
$configuration.Output.RenderMode = 'Plaintext'
$configuration.Filter.ExcludeTag = $ExcludeTag
if ($NUnitPath) {
    New-Item -ItemType Directory -Force -Path (Split-Path $NUnitPath) | Out-Null
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputFormat = 'NUnitXml'
    $configuration.TestResult.OutputPath = $NUnitPath
}

$run = Invoke-Pester -Configuration $configuration

# The message and the lines of the suite's own files (Pester's frames say nothing about the failure).
function Get-ErrorText($errors) {
    (@($errors) | ForEach-Object {
            $frames = @($_.ScriptStackTrace -split "`n" | Where-Object { $_ -notmatch 'Pester\.psm1' })
            (@($_.Exception.Message) + $frames) -join "`n"
        }) -join "`n"
}

$outcomes = [System.Collections.Generic.List[object]]::new()
foreach ($test in $run.Tests) {
    $outcomes.Add([ordered]@{ name = $test.ExpandedPath; result = "$($test.Result)"; message = (Get-ErrorText $test.ErrorRecord); seconds = $test.Duration.TotalSeconds })
}
foreach ($block in $run.FailedBlocks) {
    $outcomes.Add([ordered]@{ name = "$($block.Path -join '.') (block)"; result = 'Failed'; message = (Get-ErrorText $block.ErrorRecord); seconds = 0 })
}
foreach ($container in $run.FailedContainers) {
    $outcomes.Add([ordered]@{ name = "$($container.Item) (file)"; result = 'Failed'; message = (Get-ErrorText $container.ErrorRecord); seconds = 0 })
}

if ($ResultPath) {
    New-Item -ItemType Directory -Force -Path (Split-Path $ResultPath) | Out-Null
    ConvertTo-Json -InputObject @($outcomes) -Depth 3 | Set-Content -Path $ResultPath -Encoding utf8
}

Write-Host ('Pester: {0} passed, {1} failed, {2} skipped, {3} not run' -f $run.PassedCount, ($run.FailedCount + $run.FailedBlocksCount + $run.FailedContainersCount), $run.SkippedCount, $run.NotRunCount)
exit ([int]($run.Result -ne 'Passed'))
