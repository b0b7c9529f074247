#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# What each cmdlet reports when something is wrong: an ErrorRecord a script can act on (its
# FullyQualifiedErrorId, category and target), a message that says what is wrong, and no secret in it.

BeforeDiscovery {
    # Cmdlet, the failure, and the record it must produce. Target is a pattern for the record's TargetObject.
    $script:Failures = @(
        @{ Cmdlet = 'Get-RtmpStream'; What = 'a stream name that matches nothing'; Id = 'StreamNotFound'; Category = 'ObjectNotFound'; Target = '^nope$'; Message = "No stream named 'nope'" }
        @{ Cmdlet = 'Get-RtmpStream'; What = 'a configuration file that breaks a rule'; Id = 'ConfigurationInvalid'; Category = 'InvalidData'; Target = 'broken\.json$'; Message = 'limits\.maxConnections' }
        @{ Cmdlet = 'New-RtmpStream'; What = 'a name already taken'; Id = 'StreamNotAdded'; Category = 'InvalidArgument'; Target = '^lobby$'; Message = 'lobby' }
        @{ Cmdlet = 'New-RtmpStream'; What = 'a stream without a source or camera'; Id = 'SourceRequired'; Category = 'InvalidArgument'; Target = '^nosource$'; Message = '-Source is required' }
        @{ Cmdlet = 'New-RtmpStream'; What = 'a camera with no XProtect site configured'; Id = 'StreamNotAdded'; Category = 'InvalidArgument'; Target = '^LobbyCam$'; Message = 'xprotect\.server is required' }
        @{ Cmdlet = 'Set-RtmpStream'; What = 'a destination without its key'; Id = 'DestinationIncomplete'; Category = 'InvalidArgument'; Target = '^lobby$'; Message = '-Destination and -StreamKey' }
        @{ Cmdlet = 'Set-RtmpStream'; What = 'a stream that does not exist'; Id = 'StreamNotChanged'; Category = 'InvalidArgument'; Target = '^nope$'; Message = 'nope' }
        @{ Cmdlet = 'Remove-RtmpStream'; What = 'a stream that does not exist'; Id = 'StreamNotFound'; Category = 'ObjectNotFound'; Target = '^nope$'; Message = "No stream named 'nope'" }
        @{ Cmdlet = 'Start-RtmpStream'; What = 'a stream that does not exist'; Id = 'StreamNotFound'; Category = 'ObjectNotFound'; Target = '^nope$'; Message = 'nope' }
        @{ Cmdlet = 'Stop-RtmpStream'; What = 'a stream that does not exist'; Id = 'StreamNotFound'; Category = 'ObjectNotFound'; Target = '^nope$'; Message = 'nope' }
        @{ Cmdlet = 'Get-RtmpStreamLog'; What = 'no server answering'; Id = 'ServerNotReachable'; Category = 'ConnectionError'; Target = '^http://127\.0\.0\.1:\d+/?$'; Message = '127\.0\.0\.1' }
        @{ Cmdlet = 'Get-RtmpIngest'; What = 'no server answering'; Id = 'ServerNotReachable'; Category = 'ConnectionError'; Target = '^http://127\.0\.0\.1:\d+/?$'; Message = '127\.0\.0\.1' }
        @{ Cmdlet = 'Start-RtmpIngest'; What = 'a port in use'; Id = 'IngestNotStarted'; Category = 'ResourceUnavailable'; Target = '127\.0\.0\.1:\d+'; Message = 'in use' }
        @{ Cmdlet = 'Start-RtmpIngest'; What = 'a key without paths'; Id = 'PathRequired'; Category = 'InvalidArgument'; Target = '^$'; Message = '-Path' }
        @{ Cmdlet = 'Start-RtmpIngest'; What = 'a certificate with a wrong password'; Id = 'CertificateNotLoaded'; Category = 'InvalidData'; Target = 'tls\.pfx$'; Message = 'password' }
        @{ Cmdlet = 'New-RtmpCertificate'; What = 'a file that exists'; Id = 'CertificateFileExists'; Category = 'ResourceExists'; Target = 'tls\.pfx$'; Message = '-Force' }
        @{ Cmdlet = 'New-RtmpPublishToken'; What = 'a lifetime that is not positive'; Id = 'TtlNotPositive'; Category = 'InvalidArgument'; Target = '^-00:01:00$'; Message = '-Ttl' }
        @{ Cmdlet = 'Get-RtmpInstance'; What = 'an instance name that matches nothing'; Id = 'InstanceNotFound'; Category = 'ObjectNotFound'; Target = '^nope$'; Message = "No instance named 'nope'" }
        @{ Cmdlet = 'Install-RtmpInstance'; What = 'a status API other hosts reach'; Id = 'InstanceNotInstalled'; Category = 'InvalidArgument'; Target = '^er2$'; Message = 'api: 0\.0\.0\.0:1985 is not a loopback address' }
        @{ Cmdlet = 'Install-RtmpInstance'; What = 'a port another instance has'; Id = 'InstanceNotInstalled'; Category = 'InvalidArgument'; Target = '^er2$'; Message = 'taken by instance er1' }
        @{ Cmdlet = 'Install-RtmpInstance'; What = 'a package that is not there'; Id = 'InstanceNotInstalled'; Category = 'InvalidArgument'; Target = '^er2$'; Message = 'does not exist' }
        @{ Cmdlet = 'Set-RtmpInstance'; What = 'an instance that is not installed'; Id = 'InstanceNotChanged'; Category = 'InvalidArgument'; Target = '^nope$'; Message = "no instance named 'nope'" }
        @{ Cmdlet = 'Set-RtmpInstance'; What = 'a configuration that breaks a rule'; Id = 'InstanceNotChanged'; Category = 'InvalidArgument'; Target = '^er1$'; Message = 'limits\.maxConnections' }
        @{ Cmdlet = 'Set-RtmpInstance'; What = 'a listener that is not ADDRESS:PORT'; Id = 'InstanceNotChanged'; Category = 'InvalidArgument'; Target = '^er1$'; Message = "rtmp: 'localhost:1935' is not ADDRESS:PORT" }
        @{ Cmdlet = 'Uninstall-RtmpInstance'; What = 'an instance that is not installed'; Id = 'InstanceNotFound'; Category = 'ObjectNotFound'; Target = '^nope$'; Message = "No instance named 'nope'" }
        @{ Cmdlet = 'Get-RtmpInstanceCertificate'; What = 'an instance without a certificate'; Id = 'CertificateNotFound'; Category = 'ObjectNotFound'; Target = '^er1$'; Message = 'has no RTMPS certificate' }
        @{ Cmdlet = 'Set-RtmpInstanceCertificate'; What = 'a PFX with a wrong password'; Id = 'CertificateNotSet'; Category = 'InvalidArgument'; Target = '^er1$'; Message = 'cannot be read with it' }
        @{ Cmdlet = 'Set-RtmpInstanceCertificate'; What = 'a DNS name that is not one'; Id = 'CertificateNotSet'; Category = 'InvalidArgument'; Target = '^er1$'; Message = "dnsNames\[0\]: 'rs1_site' is not a DNS name" }
        @{ Cmdlet = 'Remove-RtmpInstanceCertificate'; What = 'an instance that is not installed'; Id = 'InstanceNotFound'; Category = 'ObjectNotFound'; Target = '^nope$'; Message = "No instance named 'nope'" }
        @{ Cmdlet = 'Get-RtmpPath'; What = 'an instance that is not installed'; Id = 'PathNotRead'; Category = 'InvalidArgument'; Target = '^nope$'; Message = 'there is no instance named nope' }
        @{ Cmdlet = 'Get-RtmpPath'; What = 'a path the instance does not have'; Id = 'PathNotFound'; Category = 'ObjectNotFound'; Target = '^live/none$'; Message = "has no path 'live/none'" }
        @{ Cmdlet = 'Set-RtmpPath'; What = 'an instance that is not installed'; Id = 'PathNotSet'; Category = 'InvalidArgument'; Target = '^live/cam1$'; Message = 'there is no instance named nope' }
        @{ Cmdlet = 'Remove-RtmpPath'; What = 'a path the instance does not have'; Id = 'PathNotFound'; Category = 'ObjectNotFound'; Target = '^live/none$'; Message = "has no path 'live/none'" }
        @{ Cmdlet = 'New-RtmpPublishToken'; What = 'a base URL that is not RTMP'; Id = 'TokenNotCreated'; Category = 'InvalidArgument'; Target = '^live/cam$'; Message = 'rtmp:// or rtmps://' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-BuiltModule
    $secret = 'err-secret-9'
    $key = ConvertTo-SecureString $secret -AsPlainText -Force
    $config = Join-Path $TestDrive 'rtmpx.json'
    New-RtmpStream -ConfigPath $config -Name lobby -Source ingest:live/lobby -Destination rtmp://127.0.0.1/live -StreamKey $key | Out-Null
    Set-Content (Join-Path $TestDrive 'broken.json') '{ "limits": { "maxConnections": 0 } }'
    $pfx = Join-Path $TestDrive 'tls.pfx'
    New-RtmpCertificate -Path $pfx -DnsName localhost -Password $key | Out-Null
    $busy = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $busy.Start()
    $closed = Get-FreeTcpPort
    Use-TestRegistry $TestDrive
    $package = New-PlaceholderPackage $TestDrive
    Install-RtmpInstance er1 -Package $package -Root (Join-Path $TestDrive 'er1') -Rtmp 127.0.0.1:19431 -Api 127.0.0.1:19931 -Service None | Out-Null

    $script:Act = @{
        'a stream name that matches nothing'      = { Get-RtmpStream -ConfigPath $config -Name nope -NoStatus }
        'a configuration file that breaks a rule' = { Get-RtmpStream -ConfigPath (Join-Path $TestDrive 'broken.json') -NoStatus }
        'a name already taken'                    = { New-RtmpStream -ConfigPath $config -Name lobby -Source ingest:live/x -Destination rtmp://127.0.0.1/live -StreamKey $key }
        'a stream without a source or camera'     = { New-RtmpStream -ConfigPath $config -Name nosource -Destination rtmp://127.0.0.1/live -StreamKey $key }
        'a camera with no XProtect site configured' = { [pscustomobject]@{ Name = 'LobbyCam'; Id = [guid]'0d5b5ae1-7e0f-4a8c-9a8e-3f0f4f4c2a11' } | New-RtmpStream -ConfigPath $config -Destination rtmp://127.0.0.1/live -StreamKey $key }
        'a destination without its key'           = { Set-RtmpStream -ConfigPath $config -Name lobby -Destination rtmp://127.0.0.1/other }
        'a stream that does not exist'            = @{
            'Set-RtmpStream'    = { Set-RtmpStream -ConfigPath $config -Name nope -Source ingest:live/y }
            'Remove-RtmpStream' = { Remove-RtmpStream -ConfigPath $config -Name nope -Confirm:$false }
            'Start-RtmpStream'  = { Start-RtmpStream -ConfigPath $config -Name nope }
            'Stop-RtmpStream'   = { Stop-RtmpStream -ConfigPath $config -Name nope }
        }
        'no server answering'                     = @{
            'Get-RtmpStreamLog' = { Get-RtmpStreamLog -Name lobby -Api "http://127.0.0.1:$closed" }
            'Get-RtmpIngest'    = { Get-RtmpIngest -Api "http://127.0.0.1:$closed" }
        }
        'a port in use'                           = { Start-RtmpIngest -Port $busy.LocalEndpoint.Port -Address 127.0.0.1 }
        'a key without paths'                     = { Start-RtmpIngest -Port 0 -Address 127.0.0.1 -PublishKey $key }
        'a certificate with a wrong password'     = { Start-RtmpIngest -Port 0 -Address 127.0.0.1 -CertificatePath $pfx -CertificatePassword (ConvertTo-SecureString 'wrong-pass' -AsPlainText -Force) }
        'a file that exists'                      = { New-RtmpCertificate -Path $pfx -DnsName localhost }
        'a lifetime that is not positive'         = { New-RtmpPublishToken -Path live/cam -BaseUrl rtmp://127.0.0.1 -Secret $key -Ttl (New-TimeSpan -Minutes -1) }
        'a base URL that is not RTMP'             = { New-RtmpPublishToken -Path live/cam -BaseUrl http://example -Secret $key }
        'an instance name that matches nothing'   = { Get-RtmpInstance nope }
        'a status API other hosts reach'          = { Install-RtmpInstance er2 -Package $package -Root (Join-Path $TestDrive 'er2') -Rtmp 127.0.0.1:19432 -Api 0.0.0.0:1985 -Service None }
        'a port another instance has'             = { Install-RtmpInstance er2 -Package $package -Root (Join-Path $TestDrive 'er2') -Rtmp 0.0.0.0:19431 -Api 127.0.0.1:19932 -Service None }
        'a package that is not there'             = { Install-RtmpInstance er2 -Package (Join-Path $TestDrive 'no-such-package') -Service None }
        'an instance that is not installed'       = @{
            'Set-RtmpInstance'               = { Set-RtmpInstance nope -Rtmp 127.0.0.1:19433 }
            'Uninstall-RtmpInstance'         = { Uninstall-RtmpInstance nope -Confirm:$false }
            'Remove-RtmpInstanceCertificate' = { Remove-RtmpInstanceCertificate nope -Confirm:$false }
            'Set-RtmpPath'                   = { Set-RtmpPath nope live/cam1 -PublishKey $key }
            'Get-RtmpPath'                   = { Get-RtmpPath nope }
        }
        'a configuration that breaks a rule'      = { Set-RtmpInstance er1 -Config @{ limits = @{ maxConnections = 0 } } }
        'a listener that is not ADDRESS:PORT'     = { Set-RtmpInstance er1 -Rtmp localhost:1935 }
        'a DNS name that is not one'              = { Set-RtmpInstanceCertificate er1 -DnsName rs1_site }
        'an instance without a certificate'       = { Get-RtmpInstanceCertificate er1 }
        'a PFX with a wrong password'             = { Set-RtmpInstanceCertificate er1 -PfxPath $pfx -Password (ConvertTo-SecureString 'wrong-pass' -AsPlainText -Force) }
        'a path the instance does not have'       = @{
            'Get-RtmpPath'    = { Get-RtmpPath er1 live/none }
            'Remove-RtmpPath' = { Remove-RtmpPath er1 live/none -Confirm:$false }
        }
    }
}

AfterAll {
    Remove-Item Env:RTMPX_INSTANCE_REGISTRY -ErrorAction SilentlyContinue
    $busy.Stop()
    Stop-RtmpIngest -All -Confirm:$false
}

Describe '<Cmdlet> given <What>' -ForEach $Failures {
    It 'reports <Id> (<Category>) on its target, with a clear message and no secret' {
        $action = $Act[$What]
        if ($action -is [hashtable]) { $action = $action[$Cmdlet] }
        $record = $null
        try {
            & $action -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
            $record = $failures | Select-Object -First 1
        }
        catch {
            $record = $_
        }

        $record | Should -Not -BeNullOrEmpty -Because "$Cmdlet must report $What"
        $record.FullyQualifiedErrorId | Should -BeLike "$Id,RtmpXProtect.PSModule.*"
        "$($record.CategoryInfo.Category)" | Should -Be $Category
        "$($record.TargetObject)" | Should -Match $Target
        $record.Exception.Message | Should -Match $Message
        ($record | Out-String) + $record.Exception.ToString() | Should -Not -Match ([regex]::Escape($secret))
    }
}
