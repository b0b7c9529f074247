#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Like MilestonePSTools' tests/Help.tests.ps1: every exported command has real help, read through
# Get-Help -Full from the shipped MAML, so a help file PowerShell cannot read fails here even when the
# xunit checks of its XML pass; and what the help says of each parameter is what the cmdlet declares.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-BuiltModule
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    $script:Commands = Get-Command -Module RtmpXProtect -CommandType Cmdlet | ForEach-Object {
        $command = $_
        @{
            Name       = $command.Name
            Parameters = @($command.Parameters.Values | Where-Object Name -NotIn $common | ForEach-Object {
                    $attributes = @($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
                    @{
                        Parameter = $_.Name
                        # Required in help when mandatory in every parameter set it belongs to (platyPS's rule).
                        Required  = -not ($attributes | Where-Object { -not $_.Mandatory })
                        Pipeline  = [bool]($attributes | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName })
                    }
                })
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-BuiltModule
}

Describe 'Manifest' {
    It 'is valid and exports exactly the module''s cmdlets' {
        $manifest = Test-ModuleManifest -Path $ModuleManifest -ErrorAction Stop
        $exported = @($manifest.ExportedCmdlets.Keys | Sort-Object)
        $actual = @(Get-Command -Module RtmpXProtect -CommandType Cmdlet | Select-Object -ExpandProperty Name | Sort-Object)
        $exported | Should -Be $actual
        $manifest.CompatiblePSEditions | Should -Contain 'Desktop'
        $manifest.CompatiblePSEditions | Should -Contain 'Core'
    }
}

Describe 'Get-Help <Name> -Full' -ForEach $Commands {
    BeforeAll {
        $help = Get-Help -Name $Name -Full
        $full = $help | Out-String -Width 200
    }

    It 'comes from the MAML file, not generated from the syntax' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ([regex]::Escape("$Name "))
        $help.ModuleName | Should -Be 'RtmpXProtect'
    }

    It 'has a description' {
        ($help.Description.Text -join '') | Should -Not -BeNullOrEmpty
    }

    It 'has examples, each with code that runs the command and remarks' {
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
        foreach ($example in @($help.Examples.Example)) {
            $example.Code | Should -Match ([regex]::Escape($Name))
            ($example.Remarks.Text -join '').Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It 'renders every section a user reads' {
        foreach ($section in 'NAME', 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'PARAMETERS', 'EXAMPLE 1') {
            $full | Should -Match "(?m)^\s*-*\s*$([regex]::Escape($section))"
        }
    }

    It 'describes -<Parameter> as the cmdlet declares it' -ForEach $Parameters {
        $entry = $help.Parameters.Parameter | Where-Object Name -EQ $Parameter
        $entry | Should -Not -BeNullOrEmpty
        ($entry.Description.Text -join '') | Should -Not -BeNullOrEmpty
        $entry.Required | Should -Be "$Required".ToLowerInvariant()
        ($entry.PipelineInput -like 'True*') | Should -Be $Pipeline
    }
}
