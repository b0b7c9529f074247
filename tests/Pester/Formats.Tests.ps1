#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Every view of the shipped RtmpXProtect.Format.ps1xml, rendered from a real object of its type the way
# a user sees it (Format-Table | Out-String): the view is chosen, every column header shows, and the
# row carries the object's values (a script block that fails renders an empty cell).

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:HasFfmpeg = Test-Peer ffmpeg
    [xml] $format = Get-Content (Join-Path (Split-Path $ModuleManifest) 'RtmpXProtect.Format.ps1xml') -Raw
    $script:Views = foreach ($view in $format.Configuration.ViewDefinitions.View) {
        @{
            Name   = $view.Name
            Type   = $view.ViewSelectedBy.TypeName
            Labels = @($view.TableControl.TableHeaders.TableColumnHeader | ForEach-Object Label)
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-BuiltModule

    # One of each object the module returns, made by the cmdlets themselves where one returns it.
    $config = Join-Path $TestDrive 'rtmpx.json'
    New-RtmpStream -ConfigPath $config -Name formats-relay -Source ingest:live/formats -Destination rtmp://127.0.0.1:1/live `
        -StreamKey (ConvertTo-SecureString 'format-key-1' -AsPlainText -Force) | Out-Null
    $ingest = Start-RtmpIngest -Port 0 -RtspPort 0 -Address 127.0.0.1 -ConfigPath $config
    $publisher = Start-TestPublisher -Url "rtmp://127.0.0.1:$($ingest.Endpoint.Port)/live/formats"
    Wait-Until -What 'live/formats published with its video header' {
        ($ingest | Get-RtmpIngest).Streams | Where-Object { $_.Path -eq 'live/formats' -and $_.Width -gt 0 }
    }
    Wait-Until -What 'a bitrate' { (($ingest | Get-RtmpIngest).Streams | Where-Object Path -EQ 'live/formats').BitrateKbps -gt 0 }

    Use-TestRegistry $TestDrive
    $package = New-PlaceholderPackage $TestDrive
    Install-RtmpInstance fmt1 -Package $package -Root (Join-Path $TestDrive 'fmt1') -Rtmp 127.0.0.1:19411 -Rtmps 127.0.0.1:19412 -Api 127.0.0.1:19911 -Service None | Out-Null
    Set-RtmpInstanceCertificate fmt1 -DnsName fmt1.site.example -IPAddress 10.9.8.7 | Out-Null
    Set-RtmpPath fmt1 live/cam1 -PublishKey (ConvertTo-SecureString 'format-key-1' -AsPlainText -Force) -Publisher 10.1.2.0/24 | Out-Null

    # Each producer returns an object of the view's type and a pattern its row must match.
    $script:Samples = @{
        'RtmpXProtect.PSModule.Streams.RtmpStreamInfo'       = { @((Get-RtmpStream -ConfigPath $config -NoStatus), 'formats-relay\s+True') }
        'RtmpXProtect.PSModule.Ingest.RtmpIngestInfo'        = { @(($ingest | Get-RtmpIngest), [regex]::Escape("$($ingest.Endpoint)")) }
        'RtmpXProtect.Engine.Management.IngestHost'          = { @($ingest, [regex]::Escape("$($ingest.Endpoint)")) }
        'RtmpXProtect.Engine.Status.ServerStatus'            = { $s = $ingest.Status(); @($s, "(?m)\s$($s.Connections)\s+$(@($s.Streams).Count)\s*$") }
        'RtmpXProtect.Engine.Status.StreamStatus'            = { @((($ingest | Get-RtmpIngest).Streams | Where-Object Path -EQ 'live/formats'), 'live/formats\s+True\s+127\.0\.0\.1:\d+\s+h264 320x240') }
        'RtmpXProtect.Engine.Streaming.Running.StreamerStatus' = { @(($ingest | Get-RtmpIngest).Relays[0], 'formats-relay\s+\w+') }
        'RtmpXProtect.Engine.Logging.LogLine'                = { @([RtmpXProtect.Engine.Logging.LogLine]::new(7, [DateTimeOffset]::Now, 'WRN', 'destination stalled'), '7\s+WRN\s+destination stalled') }
        'RtmpXProtect.Engine.Management.Instances.InstanceResource' = { @((Get-RtmpInstance fmt1), 'fmt1\s+0\.7\.0\s+Stopped\s+None\s+127\.0\.0\.1:19411\s+127\.0\.0\.1:19412\s+127\.0\.0\.1:19911') }
        'RtmpXProtect.Engine.Management.Certificates.CertificateResource' = { @((Get-RtmpInstanceCertificate fmt1), 'fmt1\s+SelfSigned\s+CN=fmt1\.site\.example\s+fmt1\.site\.example, 10\.9\.8\.7') }
        'RtmpXProtect.Engine.Management.Paths.PathResource' = { @((Get-RtmpPath fmt1), 'fmt1\s+live/cam1\s+1\s+0\s+10\.1\.2\.0/24') }
        'RtmpXProtect.Engine.Management.EndpointProbeResult' = { @((Test-RtmpEndpoint -Url "rtmp://127.0.0.1:$($ingest.Endpoint.Port)/live" -Timeout 00:00:05), 'True\s+[\d.]+\s+[\d.]+\s+NetConnection\.Connect\.Success') }
    }
}

AfterAll {
    Remove-Item Env:RTMPX_INSTANCE_REGISTRY -ErrorAction SilentlyContinue
    if ($publisher -and -not $publisher.HasExited) { Stop-Process -Id $publisher.Id -Force }
    if ($ingest) { $ingest | Stop-RtmpIngest -Confirm:$false }
}

Describe 'The <Name> view' -ForEach $Views -Skip:(-not $HasFfmpeg) {
    It 'is what Format-Table picks for <Type>, with every column and the row''s values' {
        $Samples.Keys | Should -Contain $Type -Because 'every view needs a sample object in this file'
        $object, $shows = & $Samples[$Type]
        $object | Should -Not -BeNullOrEmpty
        $object.GetType().FullName | Should -Be $Type
        (Get-FormatData -TypeName $Type).FormatViewDefinition.Name | Should -Contain $Name

        $text = $object | Format-Table | Out-String -Width 400
        $header = ($text -split "`r?`n" | Where-Object { $_.Trim() })[0]
        foreach ($label in $Labels) {
            $header | Should -Match ([regex]::Escape($label))
        }
        $text | Should -Match $shows
        $text | Should -Not -Match 'format-key-1'
    }
}
