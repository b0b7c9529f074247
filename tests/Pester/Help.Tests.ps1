#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Like MilestonePSTools' tests/Help.tests.ps1: every exported command has real help, read through Get-Help,
# so a MAML file PowerShell cannot read fails here even when the xunit checks of its XML pass.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-BuiltModule
    $script:Commands = Get-Command -Module RtmpXProtect -CommandType Cmdlet | ForEach-Object {
        @{ Name = $_.Name; Parameters = @($_.Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }) }
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

Describe 'Help for <Name>' -ForEach $Commands {
    BeforeAll {
        $help = Get-Help -Name $Name -Full
    }

    It 'has a synopsis that is not the generated syntax' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ([regex]::Escape("$Name "))
    }

    It 'has a description' {
        ($help.Description.Text -join '') | Should -Not -BeNullOrEmpty
    }

    It 'has at least one example with code' {
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
        $help.Examples.Example[0].Code | Should -Match $Name
    }

    It 'describes -<_>' -ForEach $Parameters {
        $parameter = $help.Parameters.Parameter | Where-Object Name -EQ $_
        $parameter | Should -Not -BeNullOrEmpty
        ($parameter.Description.Text -join '') | Should -Not -BeNullOrEmpty
    }
}
