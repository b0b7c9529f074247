#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# An rtmpx instance end to end through the cmdlets, from the real self-contained package
# ($env:RTMPX_TEST_PACKAGE): installed, given a certificate and a keyed path, run as its supervisor would
# run it (service None: ROOT/bin/rtmpx serve --config ROOT/rtmpx.json), published to by ffmpeg over
# RTMPS, its certificate renewed while ffmpeg goes on, a stream defined on it, then uninstalled.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:CanRun = (Test-Peer ffmpeg) -and ($env:CI -eq 'true' -or $env:RTMPX_TEST_PACKAGE)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-BuiltModule
    if (-not $env:RTMPX_TEST_PACKAGE) { throw 'RTMPX_TEST_PACKAGE names no package: dotnet test builds it (RtmpxPackages) before it starts pwsh.' }
    $machine = Join-Path ([System.IO.Path]::GetTempPath()) ("rtmpx-pester-instance-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Force -Path $machine | Out-Null
    Use-TestRegistry $machine
    $root = Join-Path $machine 'roots/edge1'
    $ports = @{ Rtmp = Get-FreeTcpPort; Rtmps = Get-FreeTcpPort; Api = Get-FreeTcpPort }
    $key = 'edge1-publish-key-5d1'
    $api = [uri]"http://127.0.0.1:$($ports.Api)"
}

AfterAll {
    if ($sink) { $sink | Stop-RtmpIngest -Confirm:$false }
    foreach ($process in @($serve, $publisher)) {
        if ($process -and -not $process.HasExited) { Stop-Process -Id $process.Id -Force }
    }
    Remove-Item Env:RTMPX_INSTANCE_REGISTRY -ErrorAction SilentlyContinue
    Remove-Item $machine -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'An instance from the real package, run as its supervisor runs it' -Skip:(-not $CanRun) {
    It 'installs from the package with RTMP, RTMPS and its own status API' {
        $instance = Install-RtmpInstance edge1 -Package $env:RTMPX_TEST_PACKAGE -Root $root -Rtmp "127.0.0.1:$($ports.Rtmp)" -Rtmps "127.0.0.1:$($ports.Rtmps)" -Api "127.0.0.1:$($ports.Api)" -Service None -Config @{ paths = @{ mode = 'fixed' } }
        $instance.Version | Should -Be (Get-Content (Join-Path $env:RTMPX_TEST_PACKAGE 'rtmpx.package.json') -Raw | ConvertFrom-Json).version
        $instance.State | Should -Be 'Stopped'
        Join-Path $root 'bin/rtmpx' | Should -Exist
    }

    It 'gets a certificate and a keyed path before it runs' {
        (Set-RtmpInstanceCertificate edge1 -DnsName edge1.site.example -IPAddress 127.0.0.1 -ValidDays 30 -RenewDaysBefore 10).Subject | Should -Be 'CN=edge1.site.example'
        (Set-RtmpPath edge1 live/cam1 -PublishKey (ConvertTo-SecureString $key -AsPlainText -Force)).PublishKeyCount | Should -Be 1
        Get-Content (Join-Path $root 'rtmpx.json') -Raw | Should -Match 'certs/rtmps.pfx'
    }

    It 'runs from its own bin/ and reports Running through its status API' {
        $script:serve = Start-Process -FilePath (Join-Path $root 'bin/rtmpx') -ArgumentList @('serve', '--config', (ConvertTo-ProcessArgument (Join-Path $root 'rtmpx.json'))) -PassThru -NoNewWindow -RedirectStandardError (Join-Path $machine 'serve.log')
        Wait-Until -What 'edge1 running' { (Get-RtmpInstance edge1).State -eq 'Running' }
    }

    It 'takes ffmpeg over RTMPS with the path''s key and refuses it without' {
        $script:publisher = Start-TestPublisher -Url "rtmps://127.0.0.1:$($ports.Rtmps)/live/cam1?key=$key" -Seconds 120
        Wait-Until -What 'live/cam1 published on edge1' { (Get-RtmpIngest -Api $api).Streams | Where-Object { $_.Path -eq 'live/cam1' -and $_.IsPublished } }
        $refused = Start-TestPublisher -Url "rtmps://127.0.0.1:$($ports.Rtmps)/live/cam1?key=wrong" -Seconds 2
        $refused.WaitForExit(20000) | Should -BeTrue
        $refused.ExitCode | Should -Not -Be 0
    }

    It 'renews its certificate for new names while ffmpeg keeps publishing' {
        $before = (Get-RtmpIngest -Api $api).Streams | Where-Object Path -EQ 'live/cam1'
        Set-RtmpInstanceCertificate edge1 -DnsName edge1-new.site.example -IPAddress 127.0.0.1 | Out-Null
        Wait-Until -What 'the new certificate served' {
            (Test-RtmpEndpoint "rtmps://127.0.0.1:$($ports.Rtmps)/live" -AllowUntrustedCertificate -Timeout 00:00:05).CertificateSubject -eq 'CN=edge1-new.site.example'
        }
        $after = (Get-RtmpIngest -Api $api).Streams | Where-Object Path -EQ 'live/cam1'
        $after.PublisherSessionId | Should -Be $before.PublisherSessionId
        Wait-Until -What 'bytes still arriving' { ((Get-RtmpIngest -Api $api).Streams | Where-Object Path -EQ 'live/cam1').BytesIn -gt $after.BytesIn }
        $publisher.HasExited | Should -BeFalse
    }

    It 'runs a stream defined with -Instance to a server that receives it, and shows it Streaming from the instance''s API' {
        # The destination: an ingest server in this process, as YouTube would be.
        $script:sink = Start-RtmpIngest -Port 0 -Address 127.0.0.1
        New-RtmpStream -Instance edge1 -Name relay -Source ingest:live/cam1 -Destination "rtmp://127.0.0.1:$($sink.Endpoint.Port)/live2" -StreamKey (ConvertTo-SecureString 'relay-dest-key-77' -AsPlainText -Force) | Out-Null
        Get-Content (Join-Path $root 'rtmpx.json') -Raw | Should -Not -Match 'relay-dest-key-77'
        Join-Path $root 'secrets/relay.0.url' | Should -Exist
        Wait-Until -What 'the relay streaming on edge1' { (Get-RtmpStream -Instance edge1 -Name relay).State -eq 'Streaming' }
        Wait-Until -What 'the relay arriving at the destination with video' {
            ($sink | Get-RtmpIngest).Streams | Where-Object { $_.Path -eq 'live2/relay-dest-key-77' -and $_.IsPublished -and $_.Width -eq 320 }
        }
    }

    It 'is listed with what runs it, and shows no key anywhere' {
        $shown = (Get-RtmpInstance edge1 | Format-List * | Out-String) + (Get-RtmpPath edge1 | Format-List * | Out-String) + (Get-RtmpInstanceCertificate edge1 | Format-List * | Out-String)
        $shown += Get-RtmpStream -Instance edge1 | Format-List * | Out-String
        $shown | Should -Not -Match $key
        $shown | Should -Not -Match 'relay-dest-key-77'
        (Get-RtmpInstance edge1).Config.ToJsonString() | Should -Match '"mode":"fixed"'
    }

    It 'uninstalls, leaving no file behind, once its supervisor has stopped it' {
        Stop-Process -Id $publisher.Id -Force
        Stop-Process -Id $serve.Id
        $serve.WaitForExit(20000) | Should -BeTrue
        Uninstall-RtmpInstance edge1 -Confirm:$false
        $root | Should -Not -Exist
        Get-RtmpInstance | Should -BeNullOrEmpty
    }
}
