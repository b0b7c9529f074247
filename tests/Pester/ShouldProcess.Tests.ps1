#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# -WhatIf and -Confirm on every cmdlet that changes something: -WhatIf changes nothing and returns
# nothing, -Confirm asks before acting (seen in a runspace whose host cannot answer, so the request
# surfaces as an error quoting the question), -Confirm:$false acts, and ConfirmImpact High cmdlets ask
# without being told to.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-BuiltModule
    $script:Changing = @(Get-Command -Module RtmpXProtect -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('WhatIf') } | ForEach-Object {
            @{ Name = $_.Name; High = ($_.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact -eq 'High') }
        })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-BuiltModule
    $key = ConvertTo-SecureString 'should-key' -AsPlainText -Force
    Use-TestRegistry $TestDrive
    $package = New-PlaceholderPackage $TestDrive
    Set-Content (Join-Path $TestDrive 'xp.password') 'should-xp-pw'
    $xpSite = Start-XProtectDouble -PasswordFile (Join-Path $TestDrive 'xp.password') -Camera "Lobby=$(Join-Path $RepositoryRoot 'tests/RtmpXProtect.Engine.Tests/Media/Vectors/h264-bframes.h264')"
    $xp = @{ Server = $xpSite.ManagementServer; Credential = [pscredential]::new('operator', (ConvertTo-SecureString 'should-xp-pw' -AsPlainText -Force)); From = [DateTimeOffset]::FromUnixTimeMilliseconds(1767225600000) }

    # Per cmdlet: Arrange (a fresh state in $TestDrive), Act (the command; -WhatIf/-Confirm are added),
    # Changed (true once the command has acted) and the target its confirmation question names.
    $script:Cases = @{
        'New-RtmpStream'       = @{
            Act = { New-RtmpStream -ConfigPath $config -Name added -Source ingest:live/added -Destination rtmp://127.0.0.1/live -StreamKey $key }
            Changed = { [bool](Get-RtmpStream -ConfigPath $config -NoStatus | Where-Object Name -EQ added) }; Target = 'added'
        }
        'Set-RtmpStream'       = @{
            Act = { Set-RtmpStream -ConfigPath $config -Name lobby -Source ingest:live/other }
            Changed = { (Get-RtmpStream -ConfigPath $config -Name lobby -NoStatus).Source -eq 'ingest:live/other' }; Target = 'lobby'
        }
        'Remove-RtmpStream'    = @{
            Act = { Remove-RtmpStream -ConfigPath $config -Name lobby }
            Changed = { -not (Get-RtmpStream -ConfigPath $config -NoStatus | Where-Object Name -EQ lobby) }; Target = 'lobby'
        }
        'Start-RtmpStream'     = @{
            Act = { Start-RtmpStream -ConfigPath $config -Name parked }
            Changed = { (Get-RtmpStream -ConfigPath $config -Name parked -NoStatus).Enabled }; Target = 'parked'
        }
        'Stop-RtmpStream'      = @{
            Act = { Stop-RtmpStream -ConfigPath $config -Name lobby }
            Changed = { -not (Get-RtmpStream -ConfigPath $config -Name lobby -NoStatus).Enabled }; Target = 'lobby'
        }
        'Start-RtmpIngest'     = @{
            # Port 0: a port picked up front can be taken by another test before the ingest binds it.
            # Initialize-Case leaves exactly one ingest running, so a second one is the change.
            Act = { Start-RtmpIngest -Port 0 -Address 127.0.0.1 }
            Changed = { @(Get-RtmpIngest).Count -gt 1 }; Target = '127.0.0.1:'
        }
        'Stop-RtmpIngest'      = @{
            Act = { Stop-RtmpIngest -Ingest $running }
            Changed = { -not (Get-RtmpIngest | Where-Object { $_.Endpoint -eq "$($running.Endpoint)" }) }; Target = '127.0.0.1:'
        }
        'New-RtmpCertificate'  = @{
            Act = { New-RtmpCertificate -Path (Join-Path $TestDrive 'should.pfx') -DnsName localhost }
            Changed = { Test-Path (Join-Path $TestDrive 'should.pfx') }; Target = 'should.pfx'
        }
        'Install-RtmpXProtectComponent'  = @{
            Act = { Install-RtmpXProtectComponent Driver -Package (Join-Path $TestDrive 'component') -Root (Join-Path $TestDrive 'xproot') }
            Changed = { Test-Path (Join-Path $TestDrive 'xproot/Milestone/MIPDrivers/RtmpXProtect') }; Target = 'MIPDrivers'
        }
        'Uninstall-RtmpXProtectComponent' = @{
            Act = { Uninstall-RtmpXProtectComponent Driver -Root (Join-Path $TestDrive 'xproot2') }
            Changed = { -not (Test-Path (Join-Path $TestDrive 'xproot2/Milestone/MIPDrivers/RtmpXProtect')) }; Target = 'MIPDrivers'
        }
        'Install-RtmpInstance'           = @{
            Act = { Install-RtmpInstance sp2 -Package $package -Root (Join-Path $TestDrive 'roots/sp2') -Rtmp 127.0.0.1:19422 -Api 127.0.0.1:19922 -Service None }
            Changed = { [bool](Get-RtmpInstance | Where-Object Name -EQ sp2) }; Target = 'sp2'
        }
        'Set-RtmpInstance'               = @{
            Act = { Set-RtmpInstance sp1 -Rtmp 127.0.0.1:19425 }
            Changed = { (Get-RtmpInstance sp1).Rtmp -eq '127.0.0.1:19425' }; Target = 'sp1'
        }
        'Uninstall-RtmpInstance'         = @{
            Act = { Uninstall-RtmpInstance sp1 }
            Changed = { -not (Get-RtmpInstance | Where-Object Name -EQ sp1) }; Target = 'sp1'
        }
        'Set-RtmpInstanceCertificate'    = @{
            Act = { Set-RtmpInstanceCertificate sp1 -DnsName other.example }
            Changed = { (Get-RtmpInstanceCertificate sp1).Subject -eq 'CN=other.example' }; Target = 'sp1'
        }
        'Remove-RtmpInstanceCertificate' = @{
            Act = { Remove-RtmpInstanceCertificate sp1 }
            Changed = { -not (Get-RtmpInstanceCertificate sp1 -ErrorAction SilentlyContinue) }; Target = 'sp1'
        }
        'Set-RtmpPath'                   = @{
            Act = { Set-RtmpPath sp1 live/new -Publisher 10.0.0.0/8 }
            Changed = { [bool](Get-RtmpPath sp1 live/new -ErrorAction SilentlyContinue) }; Target = 'sp1 live/new'
        }
        'Remove-RtmpPath'                = @{
            Act = { Remove-RtmpPath sp1 live/cam1 }
            Changed = { -not (Get-RtmpPath sp1 live/cam1 -ErrorAction SilentlyContinue) }; Target = 'sp1 live/cam1'
        }
        'Export-RtmpXProtectRecording'   = @{
            Act = { Export-RtmpXProtectRecording -Camera Lobby -From $xp.From -To $xp.From.AddSeconds(2) -Path (Join-Path $TestDrive 'should.mp4') -Server $xp.Server -Credential $xp.Credential }
            Changed = { Test-Path (Join-Path $TestDrive 'should.mp4') }; Target = 'should.mp4'
        }
        'New-RtmpPublishToken' = @{
            Act = { New-RtmpPublishToken -Path live/cam -BaseUrl rtmp://127.0.0.1 -Secret $key }
            Changed = { $false }; Target = 'live/cam'
        }
    }

    function Initialize-Case {
        $script:config = Join-Path $TestDrive 'rtmpx.json'
        Remove-Item $config, (Join-Path $TestDrive 'should.pfx'), (Join-Path $TestDrive 'should.mp4') -ErrorAction SilentlyContinue
        New-RtmpStream -ConfigPath $config -Name lobby -Source ingest:live/lobby -Destination rtmp://127.0.0.1/live -StreamKey $key | Out-Null
        New-RtmpStream -ConfigPath $config -Name parked -Source ingest:live/parked -Destination rtmp://127.0.0.1/live -StreamKey $key -Disabled | Out-Null
        Stop-RtmpIngest -All -Confirm:$false
        $script:running = Start-RtmpIngest -Port 0 -Address 127.0.0.1

        Remove-Item (Join-Path $TestDrive 'registry'), (Join-Path $TestDrive 'roots') -Recurse -Force -ErrorAction SilentlyContinue
        Install-RtmpInstance sp1 -Package $package -Root (Join-Path $TestDrive 'roots/sp1') -Rtmp 127.0.0.1:19421 -Api 127.0.0.1:19921 -Service None | Out-Null
        Set-RtmpInstanceCertificate sp1 -DnsName sp1.example | Out-Null
        Set-RtmpPath sp1 live/cam1 -PublishKey $key | Out-Null

        Remove-Item (Join-Path $TestDrive 'xproot'), (Join-Path $TestDrive 'xproot2') -Recurse -Force -ErrorAction SilentlyContinue
        Install-RtmpXProtectComponent Driver -Package (New-ComponentPackage $TestDrive) -Root (Join-Path $TestDrive 'xproot2') | Out-Null
    }

    # The case's command with a switch added, as a user types it (each Act is one command).
    function Join-Command([scriptblock] $Command, [string] $Switch) { [scriptblock]::Create("$($Command.ToString().Trim()) $Switch") }

    # The command in a runspace of its own whose host cannot prompt: a confirmation request fails there
    # with the question in its message instead of waiting for an answer.
    function Invoke-WithoutPrompt([scriptblock] $Command, [hashtable] $Variables) {
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript("Import-Module '$ModuleManifest'").AddStatement()
            foreach ($name in $Variables.Keys) { $shell.Runspace.SessionStateProxy.SetVariable($name, $Variables[$name]) }
            $null = $shell.AddScript($Command.ToString())
            $output = $shell.Invoke()
            [pscustomobject]@{ Output = @($output); Errors = @($shell.Streams.Error) }
        }
        finally { $shell.Dispose() }
    }
}

AfterAll {
    Stop-XProtectDouble $xpSite
    Stop-RtmpIngest -All -Confirm:$false
    Remove-Item Env:RTMPX_INSTANCE_REGISTRY -ErrorAction SilentlyContinue
}

Describe '<Name> -WhatIf and -Confirm' -ForEach $Changing {
    BeforeEach {
        $Cases.Keys | Should -Contain $Name -Because 'every cmdlet with ShouldProcess needs a case in this file'
        Initialize-Case
        $case = $Cases[$Name]
    }

    It '-WhatIf changes nothing and returns nothing' {
        $output = & (Join-Command $case.Act '-WhatIf')
        $output | Should -BeNullOrEmpty
        & $case.Changed | Should -BeFalse
    }

    It '-Confirm asks, naming the target, before it acts' {
        $variables = @{ config = $config; key = $key; running = $running; TestDrive = $TestDrive; package = $package; xp = $xp }
        $run = Invoke-WithoutPrompt (Join-Command $case.Act '-Confirm') $variables
        $run.Errors | Should -Not -BeNullOrEmpty
        $run.Errors[0].Exception.Message | Should -Match 'request confirmation'
        $run.Errors[0].Exception.Message | Should -Match ([regex]::Escape($case.Target))
        $run.Output | Should -BeNullOrEmpty
        & $case.Changed | Should -BeFalse
    }

    It '-Confirm:$false acts' {
        $output = & (Join-Command $case.Act '-Confirm:$false') 2>&1
        $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors | Should -BeNullOrEmpty
        if ($Name -eq 'New-RtmpPublishToken') { $output | Should -Match '^rtmp://127\.0\.0\.1/live/cam\?' } else { & $case.Changed | Should -BeTrue }
    }

    It 'asks without -Confirm only when its impact is High' {
        $variables = @{ config = $config; key = $key; running = $running; TestDrive = $TestDrive; package = $package; xp = $xp }
        $run = Invoke-WithoutPrompt $case.Act $variables
        if ($High) {
            $run.Errors[0].Exception.Message | Should -Match 'request confirmation'
            & $case.Changed | Should -BeFalse
        }
        else {
            @($run.Errors | Where-Object { $_.Exception.Message -match 'request confirmation' }) | Should -BeNullOrEmpty
        }
    }
}
