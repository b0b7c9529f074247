#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The XProtect cmdlets against the protocol double (tests/RtmpXProtect.XProtectDouble), a separate
# process on loopback: cameras listed and looked up by Get-VmsCamera's Id, recordings exported to
# MP4, a camera piped into New-RtmpStream as its source, and a wrong password reported safely; and
# Get-RtmpIngest reading the driver core's loopback status API as it runs in a Recording Server.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:HasFfmpeg = Test-Peer ffmpeg
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-BuiltModule
    $password = 'Pester-xp-pa55'
    $passwordFile = Join-Path $TestDrive 'xprotect.password'
    Set-Content $passwordFile $password
    $vectors = Join-Path $RepositoryRoot 'tests/RtmpXProtect.Engine.Tests/Media/Vectors'
    $site = Start-XProtectDouble -PasswordFile $passwordFile -Camera "Lobby=$(Join-Path $vectors 'h264-bframes.h264')", "Gate=$(Join-Path $vectors 'hevc-bframes.h265')"
    $credential = [pscredential]::new('operator', (ConvertTo-SecureString $password -AsPlainText -Force))
    $connection = @{ Server = $site.ManagementServer; Credential = $credential }
    $lobby = $site.Cameras | Where-Object name -EQ Lobby
    $from = [DateTimeOffset]::FromUnixTimeMilliseconds(1767225600000)
    # Shaped like MilestonePSTools' camera objects: Name and Id among other properties.
    $vmsCamera = [pscustomobject]@{ Name = 'Lobby'; Id = [guid]$lobby.id; Enabled = $true; RecordingFramerate = 25 }
}

AfterAll {
    Stop-XProtectDouble $site
}

Describe 'Get-RtmpXProtectCamera' {
    It 'lists every camera of the site with its id and source' {
        $cameras = Get-RtmpXProtectCamera @connection
        @($cameras.Name) | Should -Be @('Lobby', 'Gate')
        ($cameras | Where-Object Name -EQ Lobby).Source | Should -Be "xprotect:$($lobby.id)"
        $cameras[0].Server | Should -Be $site.ManagementServer.GetLeftPart([UriPartial]::Authority)
    }

    It 'filters by name with wildcards' {
        (Get-RtmpXProtectCamera G* @connection).Name | Should -Be 'Gate'
    }

    It 'looks up cameras piped from Get-VmsCamera by their Id' {
        ($vmsCamera | Get-RtmpXProtectCamera @connection).Name | Should -Be 'Lobby'
    }

    It 'reports a wrong password as a refused login naming the server and user, never the password' {
        $wrong = [pscredential]::new('operator', (ConvertTo-SecureString 'not-the-password' -AsPlainText -Force))
        $failure = { Get-RtmpXProtectCamera -Server $site.ManagementServer -Credential $wrong } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Match '^LoginRefused'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.Exception.Message | Should -Match 'refused the login of operator'
        $failure.Exception.Message | Should -Not -Match 'not-the-password'
    }
}

Describe 'Export-RtmpXProtectRecording' {
    It 'exports the camera piped from Get-VmsCamera to the file named after it, with a summary' {
        $path = Join-Path $TestDrive '{0}.mp4'
        $summary = $vmsCamera | Export-RtmpXProtectRecording -From $from -To $from.AddSeconds(10) -Path $path @connection
        $summary.Frames | Should -BeGreaterThan 200
        $summary.Codec | Should -Be 'h264'
        $summary.Gaps | Should -Be 0
        Join-Path $TestDrive "$($lobby.id).mp4" | Should -Exist
    }

    It 'exports an H.265 camera by name, fragmented' {
        $summary = Export-RtmpXProtectRecording -Camera Gate -From $from -To $from.AddSeconds(5) -Path (Join-Path $TestDrive 'gate.mp4') -Fragmented @connection
        $summary.Codec | Should -Be 'hevc'
        $summary.Frames | Should -BeGreaterThan 100
    }

    It 'reports a camera the site does not have without stopping the pipeline' {
        $results = 'Roof', 'Gate' | ForEach-Object { [pscustomobject]@{ Id = $_ } } |
            Export-RtmpXProtectRecording -From $from -To $from.AddSeconds(2) -Path (Join-Path $TestDrive 'p-{0}.mp4') @connection -ErrorVariable failures -ErrorAction SilentlyContinue
        @($results).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Match '^ExportFailed'
        $failures[0].Exception.Message | Should -Match "no camera named 'Roof'"
    }
}

Describe 'New-RtmpStream with a camera piped in' {
    It 'makes the camera the source when no -Source is given' {
        $config = Join-Path $TestDrive 'streams.json'
        Set-Content $config (@{ xprotect = @{ server = "$($site.ManagementServer)"; user = 'operator'; passwordFile = 'xprotect.password' } } | ConvertTo-Json)
        $stream = $vmsCamera | New-RtmpStream -ConfigPath $config -Destination rtmps://a.rtmps.youtube.com/live2 -StreamKey (ConvertTo-SecureString 'yt-key-1' -AsPlainText -Force) -Disabled
        $stream.Name | Should -Be 'Lobby'
        $stream.Source | Should -Be "xprotect:$($lobby.id)"
        Get-Content $config -Raw | Should -Not -Match 'yt-key-1'
    }

    It 'refuses a camera source when the configuration names no XProtect site' {
        $config = Join-Path $TestDrive 'no-site.json'
        $failure = $vmsCamera | New-RtmpStream -ConfigPath $config -Destination rtmp://127.0.0.1/live -StreamKey (ConvertTo-SecureString k -AsPlainText -Force) -ErrorAction SilentlyContinue -ErrorVariable errors
        $errors[0].FullyQualifiedErrorId | Should -Match '^StreamNotAdded'
        $errors[0].Exception.Message | Should -Match 'xprotect\.server is required'
    }
}

Describe 'Get-RtmpIngest against the driver' {
    # The driver core as src/Driver hosts it in the Recording Server, here in this process.
    It 'reads the devices being published through the status API on the hardware''s status port' -Skip:(-not $HasFfmpeg) {
        $settings = [RtmpXProtect.Engine.XProtect.Driver.DriverSettings]@{ Port = (Get-FreeTcpPort); StatusApiPort = (Get-FreeTcpPort) }
        $driver = [RtmpXProtect.Engine.XProtect.Driver.RtmpDriver]::Start($settings, $null, [System.Net.IPAddress]::Loopback)
        try {
            $api = "http://127.0.0.1:$($settings.StatusApiPort)"
            $driver.StatusApi | Should -Be ([uri]$api)
            $publisher = Start-TestPublisher -Url "rtmp://127.0.0.1:$($settings.Port)/live/stream3"
            Wait-Until -What 'device 3 published' { (Get-RtmpIngest -Api $api).Streams | Where-Object { $_.Path -eq 'live/stream3' -and $_.IsPublished } }
            (Get-RtmpIngest -Api $api).Relays | Should -BeNullOrEmpty
        }
        finally {
            if ($publisher) { Stop-Process $publisher -Force -ErrorAction SilentlyContinue }
            $driver.DisposeAsync().AsTask().Wait()
        }
    }
}
