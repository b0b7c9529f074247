#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# End-to-end through the cmdlets: an in-process ingest, ffmpeg publishing, a relay stream run by rtmpx serve
# into a second ingest, its log, -WhatIf, and the probe. Needs ffmpeg and a built solution (dotnet build).

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:HasFfmpeg = Test-Peer ffmpeg
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-BuiltModule
}

Describe 'Start-RtmpIngest, Get-RtmpIngest and Stop-RtmpIngest' -Skip:(-not $HasFfmpeg) {
    BeforeAll {
        $ingest = Start-RtmpIngest -Port 0 -Address 127.0.0.1
        $port = $ingest.Endpoint.Port
        $publisher = Start-TestPublisher -Url "rtmp://127.0.0.1:$port/live/pester"
    }

    AfterAll {
        if ($publisher -and -not $publisher.HasExited) { Stop-Process -Id $publisher.Id -Force }
        $ingest | Stop-RtmpIngest -Confirm:$false
    }

    It 'listens on the free port it was given' {
        $port | Should -BeGreaterThan 0
    }

    It 'lists the ingest in the session' {
        Get-RtmpIngest | Where-Object Endpoint -EQ $ingest.Endpoint.ToString() | Should -Not -BeNullOrEmpty
    }

    It 'shows the stream ffmpeg publishes, with a bitrate' {
        # A stream is published at ffmpeg's publish command and its codec known at its first video
        # message, a moment later: wait for what is read below, not just for the publish.
        Wait-Until -What 'live/pester published with its video header' {
            ($ingest | Get-RtmpIngest).Streams | Where-Object { $_.Path -eq 'live/pester' -and $_.IsPublished -and $_.Width -gt 0 }
        }
        $stream = ($ingest | Get-RtmpIngest).Streams | Where-Object Path -EQ 'live/pester'
        $stream.VideoCodec | Should -Be 'h264'
        "$($stream.Width)x$($stream.Height)" | Should -Be '320x240'
        Wait-Until -What 'a bitrate' { (($ingest | Get-RtmpIngest).Streams | Where-Object Path -EQ 'live/pester').BitrateKbps -gt 0 }
    }

    It 'Test-RtmpEndpoint succeeds against it and reports the connect answer' {
        $result = Test-RtmpEndpoint -Url "rtmp://127.0.0.1:$port/live" -Timeout 00:00:05
        $result.Succeeded | Should -BeTrue
        $result.FailedStep | Should -BeNullOrEmpty
        $result.ConnectStatusCode | Should -Be 'NetConnection.Connect.Success'
        $result.TcpConnect | Should -Not -BeNullOrEmpty
    }

    It 'Test-RtmpEndpoint fails at tcp where nothing listens' {
        $closed = Get-FreeTcpPort
        $result = Test-RtmpEndpoint -Url "rtmp://127.0.0.1:$closed/live" -Timeout 00:00:05
        $result.Succeeded | Should -BeFalse
        $result.FailedStep | Should -Be 'tcp'
    }

    It 'Test-RtmpEndpoint masks a stream key in its result' {
        $result = Test-RtmpEndpoint -Url "rtmp://127.0.0.1:$port/live/secret-key-123" -Timeout 00:00:05
        ($result | Out-String) | Should -Not -Match 'secret-key-123'
    }
}

Describe 'Start-RtmpIngest -RecordDirectory -RecordFormat' -Skip:(-not $HasFfmpeg) {
    It 'records a publish as FLV when asked, in a folder for its path' {
        $directory = Join-Path $TestDrive 'recordings'
        $recorder = Start-RtmpIngest -Port 0 -Address 127.0.0.1 -RecordDirectory $directory -RecordFormat Flv
        try {
            $publisher = Start-TestPublisher -Url "rtmp://127.0.0.1:$($recorder.Endpoint.Port)/live/recorded"
            Wait-Until -What 'an FLV recording with data' {
                Get-ChildItem -Path (Join-Path $directory 'live/recorded') -Filter '*.flv' -ErrorAction SilentlyContinue | Where-Object Length -GT 1000
            }
            Get-ChildItem -Path $directory -Recurse -Filter '*.mp4' | Should -BeNullOrEmpty
        }
        finally {
            if ($publisher -and -not $publisher.HasExited) { Stop-Process -Id $publisher.Id -Force }
            $recorder | Stop-RtmpIngest -Confirm:$false
        }
    }
}

Describe 'The XProtect driver installed, reported and removed under a root' {
    It 'goes to Milestone/MIPDrivers/RtmpXProtect with its version, and away again' {
        $root = Join-Path $TestDrive 'programfiles'
        $installed = Install-RtmpXProtectComponent Driver -Package (New-ComponentPackage $TestDrive) -Root $root
        $installed.Component | Should -Be 'Driver'
        $installed.Exist | Should -BeTrue
        $installed.Version | Should -Be ([RtmpXProtect.Engine.Management.XProtect.XProtectComponent].Assembly.GetName().Version.ToString())
        Test-Path (Join-Path $root 'Milestone/MIPDrivers/RtmpXProtect/RtmpXProtect.Driver.def') | Should -BeTrue
        (Get-RtmpXProtectComponent Plugin -Root $root).Exist | Should -BeFalse

        Uninstall-RtmpXProtectComponent Driver -Root $root -Confirm:$false
        (Get-RtmpXProtectComponent Driver -Root $root).Exist | Should -BeFalse
        Test-Path (Join-Path $root 'Milestone/MIPDrivers/RtmpXProtect') | Should -BeFalse
    }

    It 'refuses a folder that is no driver, naming the package' {
        $empty = New-Item -ItemType Directory -Force -Path (Join-Path $TestDrive 'not-a-driver')
        { Install-RtmpXProtectComponent Driver -Package $empty -Root (Join-Path $TestDrive 'pf2') -ErrorAction Stop } | Should -Throw '*holds no RtmpXProtect.Driver.dll*'
    }
}

Describe 'Streams from a path to a second ingest, run by rtmpx serve' -Skip:(-not $HasFfmpeg) {
    BeforeAll {
        $source = Start-RtmpIngest -Port 0 -Address 127.0.0.1
        $target = Start-RtmpIngest -Port 0 -Address 127.0.0.1
        $publisher = Start-TestPublisher -Url "rtmp://127.0.0.1:$($source.Endpoint.Port)/live/cam"
        $config = Join-Path $TestDrive 'rtmpx.json'
        $key = ConvertTo-SecureString 'relay-key-456' -AsPlainText -Force
        New-RtmpStream -ConfigPath $config -Name relay -Source "rtmp://127.0.0.1:$($source.Endpoint.Port)/live/cam" `
            -Destination "rtmp://127.0.0.1:$($target.Endpoint.Port)/live" -StreamKey $key | Out-Null

        $apiPort = Get-FreeTcpPort
        $api = [Uri]"http://127.0.0.1:$apiPort"
        $rtmpx = Get-RtmpxDll
        if (-not $rtmpx) { throw 'rtmpx.dll not found under src/Cli/bin: run dotnet build first (or set RTMPX_CLI_DLL).' }
        $serve = Start-Process -FilePath 'dotnet' -PassThru -NoNewWindow -ArgumentList @(
            (ConvertTo-ProcessArgument $rtmpx), 'serve', '--config', (ConvertTo-ProcessArgument $config), '--listen', "127.0.0.1:$(Get-FreeTcpPort)", '--api', "127.0.0.1:$apiPort")
    }

    AfterAll {
        foreach ($process in @($serve, $publisher)) {
            if ($process -and -not $process.HasExited) { Stop-Process -Id $process.Id -Force }
        }
        Stop-RtmpIngest -Ingest $source, $target -Confirm:$false
    }

    It 'stores the stream with its key masked and out of rtmpx.json' {
        $stream = Get-RtmpStream -ConfigPath $config -Name relay -NoStatus
        $stream.Source | Should -Match 'live/cam$'
        $stream.Destinations | Should -Not -Match 'relay-key-456'
        Get-Content $config -Raw | Should -Not -Match 'relay-key-456'
    }

    It 'relays the source path into the second ingest' {
        Wait-Until -TimeoutSeconds 60 -What 'live/relay-key-456 published on the second ingest' {
            ($target | Get-RtmpIngest).Streams | Where-Object { $_.Path -eq 'live/relay-key-456' -and $_.IsPublished }
        }
    }

    It 'Get-RtmpStream shows the state rtmpx serve reports' {
        Wait-Until -What 'relay running' { (Get-RtmpStream -ConfigPath $config -Name relay -Api $api).State -eq 'Streaming' }
    }

    It 'Get-RtmpStreamLog returns the stream''s lines, without its key' {
        $lines = Get-RtmpStreamLog -Name relay -Api $api -Tail 20
        $lines | Should -Not -BeNullOrEmpty
        $lines[0] | Should -BeOfType ((Get-Command Get-RtmpStreamLog).OutputType.Type)
        ($lines.Text -join "`n") | Should -Not -Match 'relay-key-456'
    }

    It 'Get-RtmpIngest -Api reads the running server' {
        (Get-RtmpIngest -Api $api).Relays.Name | Should -Contain 'relay'
    }

    It 'Remove-RtmpStream -WhatIf changes nothing' {
        $before = Get-Content $config -Raw
        Remove-RtmpStream -ConfigPath $config -Name relay -WhatIf
        Get-Content $config -Raw | Should -BeExactly $before
        Get-RtmpStream -ConfigPath $config -Name relay -NoStatus | Should -Not -BeNullOrEmpty
    }

    It 'Stop-RtmpStream and Start-RtmpStream flip Enabled' {
        (Stop-RtmpStream -ConfigPath $config -Name relay).Enabled | Should -BeFalse
        (Start-RtmpStream -ConfigPath $config -Name relay).Enabled | Should -BeTrue
    }

    It 'Remove-RtmpStream removes it when confirmed' {
        Remove-RtmpStream -ConfigPath $config -Name relay -Confirm:$false
        Get-RtmpStream -ConfigPath $config -NoStatus | Should -BeNullOrEmpty
    }
}

Describe 'Tools' {
    It 'New-RtmpCertificate writes a PFX that loads with its password' {
        $password = ConvertTo-SecureString 'pfx-pass' -AsPlainText -Force
        $file = New-RtmpCertificate -Path (Join-Path $TestDrive 'test.pfx') -DnsName localhost -Password $password
        $certificate = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($file.FullName, 'pfx-pass')
        $certificate.HasPrivateKey | Should -BeTrue
        $certificate.Subject | Should -Match 'localhost'
    }

    It 'New-RtmpCertificate -WhatIf writes nothing' {
        New-RtmpCertificate -Path (Join-Path $TestDrive 'none.pfx') -WhatIf
        Join-Path $TestDrive 'none.pfx' | Should -Not -Exist
    }

    It 'New-RtmpPublishToken signs a URL for the path' {
        $url = New-RtmpPublishToken -BaseUrl rtmp://127.0.0.1:1935 -Path live/cam -Secret (ConvertTo-SecureString 's3cret' -AsPlainText -Force) -Ttl 00:10:00
        $url | Should -Match '^rtmp://127\.0\.0\.1:1935/live/cam\?'
        $url | Should -Not -Match 's3cret'
    }
}

Describe 'Cameras piped from Get-VmsCamera' {
    BeforeAll {
        # Shaped like MilestonePSTools' camera objects: Name and Id (a Guid), among many other properties.
        $cameras = @(
            [pscustomobject]@{ Name = 'Lobby'; Id = [guid]'0d5b5ae1-7e0f-4a8c-9a8e-3f0f4f4c2a11'; Enabled = $true; RecordingFramerate = 25 }
            [pscustomobject]@{ Name = 'Parking'; Id = [guid]'6f1c2b9e-51a4-4d0e-8a0c-2c0a9e1d7b42'; Enabled = $true; RecordingFramerate = 25 }
        )
        $config = Join-Path $TestDrive 'cameras.json'
        $key = ConvertTo-SecureString 'camera-key-789' -AsPlainText -Force
    }

    It 'names one stream per camera, each source from a calculated property' {
        $streams = $cameras | Select-Object Name, Id, @{ Name = 'Source'; Expression = { "ingest:live/$($_.Name.ToLowerInvariant())" } } |
            New-RtmpStream -ConfigPath $config -Destination rtmps://a.rtmps.youtube.com/live2 -StreamKey $key -Disabled
        @($streams.Name) | Should -Be @('Lobby', 'Parking')
        @($streams.Source) | Should -Be @('ingest:live/lobby', 'ingest:live/parking')
        @($streams.Destinations) | Should -Be @('rtmps://a.rtmps.youtube.com:443/live2/****', 'rtmps://a.rtmps.youtube.com:443/live2/****')
        Get-Content $config -Raw | Should -Not -Match 'camera-key-789'
    }

    It 'goes on through Get-RtmpStream into Start-, Set- and Remove-RtmpStream by Name' {
        @(Get-RtmpStream -ConfigPath $config -NoStatus | Start-RtmpStream -ConfigPath $config | Where-Object Enabled).Count | Should -Be 2
        $changed = Get-RtmpStream -ConfigPath $config -Name Park* -NoStatus | Set-RtmpStream -ConfigPath $config -Audio Silent -Video RequireH264
        $changed.Name | Should -Be 'Parking'
        "$($changed.Audio)/$($changed.Video)" | Should -Be 'Silent/RequireH264'
        (Get-RtmpStream -ConfigPath $config -Name Lobby -NoStatus).Audio | Should -Be 'Auto'
        Get-RtmpStream -ConfigPath $config -NoStatus | Remove-RtmpStream -ConfigPath $config -Confirm:$false
        Get-RtmpStream -ConfigPath $config -NoStatus | Should -BeNullOrEmpty
    }
}

Describe 'What each cmdlet returns' -Skip:(-not $HasFfmpeg) {
    BeforeAll {
        $ingest = Start-RtmpIngest -Port 0 -Address 127.0.0.1
        Use-TestRegistry $TestDrive
        $package = New-PlaceholderPackage $TestDrive
        $component = New-ComponentPackage $TestDrive
        $config = Join-Path $TestDrive 'outputs.json'
        $key = ConvertTo-SecureString 'output-key' -AsPlainText -Force
        Set-Content (Join-Path $TestDrive 'xp.password') 'outputs-xp-pw'
        $xpSite = Start-XProtectDouble -PasswordFile (Join-Path $TestDrive 'xp.password') -Camera "Lobby=$(Join-Path $RepositoryRoot 'tests/RtmpXProtect.Engine.Tests/Media/Vectors/h264-bframes.h264')"
        $xpCredential = [pscredential]::new('operator', (ConvertTo-SecureString 'outputs-xp-pw' -AsPlainText -Force))
        $xpFrom = [DateTimeOffset]::FromUnixTimeMilliseconds(1767225600000)
        # Each cmdlet run once; its output must be of the type its [OutputType] declares.
        $script:Runs = [ordered]@{
            'New-RtmpStream'       = { New-RtmpStream -ConfigPath $config -Name out -Source ingest:live/out -Destination rtmp://127.0.0.1/live -StreamKey $key -Disabled }
            'Get-RtmpStream'       = { Get-RtmpStream -ConfigPath $config -NoStatus }
            'Set-RtmpStream'       = { Set-RtmpStream -ConfigPath $config -Name out -Source ingest:live/out2 }
            'Start-RtmpStream'     = { Start-RtmpStream -ConfigPath $config -Name out }
            'Stop-RtmpStream'      = { Stop-RtmpStream -ConfigPath $config -Name out }
            'Remove-RtmpStream'    = { Remove-RtmpStream -ConfigPath $config -Name out -Confirm:$false }
            'Start-RtmpIngest'     = { $script:started = Start-RtmpIngest -Port 0 -Address 127.0.0.1; $started }
            'Get-RtmpIngest'       = { $ingest | Get-RtmpIngest }
            'Stop-RtmpIngest'      = { $started | Stop-RtmpIngest -Confirm:$false }
            'New-RtmpCertificate'  = { New-RtmpCertificate -Path (Join-Path $TestDrive 'out.pfx') -DnsName localhost }
            'New-RtmpPublishToken' = { New-RtmpPublishToken -Path live/out -BaseUrl rtmp://127.0.0.1 -Secret $key }
            'Test-RtmpEndpoint'    = { Test-RtmpEndpoint -Url "rtmp://127.0.0.1:$($ingest.Endpoint.Port)/live" -Timeout 00:00:05 }
            'Install-RtmpInstance' = { Install-RtmpInstance out1 -Package $package -Root (Join-Path $TestDrive 'out1') -Rtmp 127.0.0.1:19451 -Api 127.0.0.1:19951 -Service None }
            'Get-RtmpInstance'     = { Get-RtmpInstance out1 }
            'Set-RtmpInstance'     = { Set-RtmpInstance out1 -Rtmps 127.0.0.1:19452 }
            'Set-RtmpInstanceCertificate' = { Set-RtmpInstanceCertificate out1 -DnsName out1.example }
            'Get-RtmpInstanceCertificate' = { Get-RtmpInstanceCertificate out1 }
            'Remove-RtmpInstanceCertificate' = { Remove-RtmpInstanceCertificate out1 -Confirm:$false }
            'Set-RtmpPath'         = { Set-RtmpPath out1 live/cam1 -PublishKey $key }
            'Get-RtmpPath'         = { Get-RtmpPath out1 }
            'Remove-RtmpPath'      = { Remove-RtmpPath out1 live/cam1 -Confirm:$false }
            'Uninstall-RtmpInstance' = { Uninstall-RtmpInstance out1 -Confirm:$false }
            'Get-RtmpXProtectCamera' = { Get-RtmpXProtectCamera -Server $xpSite.ManagementServer -Credential $xpCredential }
            'Export-RtmpXProtectRecording' = { Export-RtmpXProtectRecording -Camera Lobby -From $xpFrom -To $xpFrom.AddSeconds(2) -Path (Join-Path $TestDrive 'out.mp4') -Server $xpSite.ManagementServer -Credential $xpCredential }
            'Install-RtmpXProtectComponent' = { Install-RtmpXProtectComponent Driver -Package $component -Root (Join-Path $TestDrive 'xp-root') }
            'Get-RtmpXProtectComponent' = { Get-RtmpXProtectComponent Driver -Root (Join-Path $TestDrive 'xp-root') }
            'Uninstall-RtmpXProtectComponent' = { Uninstall-RtmpXProtectComponent Driver -Root (Join-Path $TestDrive 'xp-root') -Confirm:$false }
            # Needs a running rtmpx serve: its output type is checked in the relay tests above.
            'Get-RtmpStreamLog'    = $null
        }
    }

    AfterAll {
        Stop-XProtectDouble $xpSite
        $ingest | Stop-RtmpIngest -Confirm:$false
        Remove-Item Env:RTMPX_INSTANCE_REGISTRY -ErrorAction SilentlyContinue
    }

    It 'is what [OutputType] says, for every cmdlet' {
        @($Runs.Keys | Sort-Object) | Should -Be @(Get-Command -Module RtmpXProtect -CommandType Cmdlet | ForEach-Object Name | Sort-Object)
        foreach ($name in @($Runs.Keys)) {
            if (-not $Runs[$name]) { continue }
            $command = Get-Command $name
            $declared = @($command.OutputType.Type)
            $output = @(& $Runs[$command.Name])
            if ($declared -contains [void]) {
                $output | Should -BeNullOrEmpty -Because "$($command.Name) declares no output"
            }
            else {
                $output | Should -Not -BeNullOrEmpty -Because "$($command.Name) returns something"
                foreach ($item in $output) { $declared | Should -Contain $item.GetType() -Because "$($command.Name) returned a $($item.GetType())" }
            }
        }
    }
}

Describe 'XProtect pipeline' -Tag XProtect -Skip:(-not $env:RTMPX_XPROTECT_SERVER) {
    # Runs only where MilestonePSTools is installed and a connection is configured (RTMPX_XPROTECT_SERVER).
    BeforeAll {
        Import-Module MilestonePSTools -ErrorAction Stop
        Connect-Vms -ServerAddress $env:RTMPX_XPROTECT_SERVER -AcceptEula | Out-Null
    }

    AfterAll {
        Disconnect-Vms -ErrorAction SilentlyContinue
    }

    It 'names a stream after a camera piped from Get-VmsCamera' {
        $camera = Get-VmsCamera | Select-Object -First 1
        $config = Join-Path $TestDrive 'xprotect.json'
        $camera | New-RtmpStream -ConfigPath $config -Source ingest:live/lobby -Destination rtmp://127.0.0.1/live -StreamKey (ConvertTo-SecureString k -AsPlainText -Force) | Out-Null
        (Get-RtmpStream -ConfigPath $config -NoStatus).Name | Should -Be $camera.Name
    }
}
