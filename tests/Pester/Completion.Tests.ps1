#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Tab completion as the console does it (TabExpansion2): every parameter of the module with an argument
# completer offers the names that exist, from the configuration the command line names or the default one.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-BuiltModule
    $script:Completed = foreach ($command in Get-Command -Module RtmpXProtect -CommandType Cmdlet) {
        foreach ($parameter in $command.Parameters.Values) {
            $completer = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }
            if ($completer) {
                @{ Command = $command.Name; Parameter = $parameter.Name; Completer = $completer.Type.Name; HasConfigPath = $command.Parameters.ContainsKey('ConfigPath') }
            }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-BuiltModule
    $config = Join-Path $TestDrive 'rtmpx.json'
    foreach ($name in 'lobby-east', 'lobby-west', 'parking') {
        New-RtmpStream -ConfigPath $config -Name $name -Source ingest:live/$name -Destination rtmp://127.0.0.1/live `
            -StreamKey (ConvertTo-SecureString "key-$name" -AsPlainText -Force) -Disabled | Out-Null
    }

    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }
}

Describe 'Completion of <Command> -ConfigPath FILE -<Parameter>' -ForEach @($Completed | Where-Object { $_.HasConfigPath -and $_.Completer -eq 'StreamNameCompleter' }) {
    It 'offers the stream names of that file that start with what was typed' {
        $matches = Get-Completion "$Command -ConfigPath '$config' -$Parameter lob"
        @($matches.CompletionText) | Should -Be @('lobby-east', 'lobby-west')
        @($matches.ToolTip) | Should -Be @('ingest:live/lobby-east', 'ingest:live/lobby-west')
    }
}

Describe 'Completion of <Command> -<Parameter>' -ForEach @($Completed | Where-Object Completer -EQ 'StreamNameCompleter') {
    It 'offers them from $env:RTMPX_CONFIG when the command line names no file' {
        $env:RTMPX_CONFIG = $config
        try {
            @((Get-Completion "$Command -$Parameter par").CompletionText) | Should -Be @('parking')
        }
        finally {
            Remove-Item Env:RTMPX_CONFIG
        }
    }

    It 'offers nothing, and no error, when the file cannot be read' {
        $env:RTMPX_CONFIG = Join-Path $TestDrive 'missing/rtmpx.json'
        try {
            @(Get-Completion "$Command -$Parameter lob") | Should -BeNullOrEmpty
        }
        finally {
            Remove-Item Env:RTMPX_CONFIG
        }
    }
}

Describe 'Completion of <Command> -<Parameter> from the instance registry' -ForEach @($Completed | Where-Object Completer -EQ 'InstanceNameCompleter') {
    BeforeAll {
        Use-TestRegistry $TestDrive
        $package = New-PlaceholderPackage $TestDrive
        $port = 19440
        foreach ($name in 'rs-east', 'rs-west', 'lab') {
            $port++
            Install-RtmpInstance $name -Package $package -Root (Join-Path $TestDrive "roots/$name") -Rtmp "127.0.0.1:$port" -Api "127.0.0.1:$($port + 500)" -Service None | Out-Null
        }
    }

    AfterAll {
        Remove-Item Env:RTMPX_INSTANCE_REGISTRY
    }

    It 'offers the instance names that start with what was typed, with their roots' {
        $matches = Get-Completion "$Command -$Parameter rs"
        @($matches.CompletionText) | Should -Be @('rs-east', 'rs-west')
        $matches[0].ToolTip | Should -Be (Join-Path $TestDrive 'roots/rs-east')
    }
}

Describe 'Completers' {
    It 'exist for every parameter that takes a stream name' {
        $streamNameParameters = foreach ($command in Get-Command -Module RtmpXProtect -Noun RtmpStream, RtmpStreamLog) {
            if ($command.Name -ne 'New-RtmpStream') { "$($command.Name) -Name" }
        }
        @($Completed | Where-Object Completer -EQ 'StreamNameCompleter' | ForEach-Object { "$($_.Command) -$($_.Parameter)" }) | Should -Be @($streamNameParameters)
    }

    It 'exist for every parameter that takes an instance name' {
        $instanceParameters = foreach ($command in Get-Command -Module RtmpXProtect) {
            foreach ($parameter in $command.Parameters.Values | Where-Object { $_.Name -eq 'Instance' -or ($_.Name -eq 'Name' -and $command.Noun -eq 'RtmpInstance' -and $command.Verb -ne 'Install') }) {
                "$($command.Name) -$($parameter.Name)"
            }
        }
        @($Completed | Where-Object Completer -EQ 'InstanceNameCompleter' | ForEach-Object { "$($_.Command) -$($_.Parameter)" } | Sort-Object) | Should -Be @($instanceParameters | Sort-Object)
    }

    It 'leave no parameter completed by an unknown completer' {
        @($Completed | Where-Object Completer -NotIn 'StreamNameCompleter', 'InstanceNameCompleter') | Should -BeNullOrEmpty
    }
}
