<#
.SYNOPSIS
The site of site.dsc.yaml as a PowerShell DSC configuration: the recording servers rs1, rs2 and rs3,
one node each, with an rtmpx instance, an RTMPS certificate for the server's own name, the camera path
live/cam1 with its publish key, and a stream that sends that camera on.

.DESCRIPTION
The resources are the class resources of the RtmpXProtect module (RtmpInstance, RtmpCertificate,
RtmpPath, RtmpStream), the same engine operations as the DSC v3 resources of dsc/. Node defaults are in
the '*' entry of $RtmpXProtectSite; keys and destination URLs are parameters, so they are not in this
file. Compiled MOF files hold them as plain text (a MOF encrypts PSCredential values only, and these are
strings): keep the MOF output folder to administrators and delete it once applied, or use DSC v3 with
secureString parameters (site.dsc.yaml) instead.

.EXAMPLE
. ./site.ps1
RtmpXProtectSite -ConfigurationData $RtmpXProtectSite -PublishKeys @{ rs1 = $k1; rs2 = $k2; rs3 = $k3 } -StreamUrls @{ rs1 = $u1; rs2 = $u2; rs3 = $u3 } -OutputPath ./mof
Start-DscConfiguration -Path ./mof -Wait -Verbose

Compiles one MOF per server and pushes each to its node (Windows PowerShell 5.1 with the module on every node).
#>

$RtmpXProtectSite = @{
    AllNodes = @(
        @{
            NodeName        = '*'
            Package         = 'C:\RtmpXProtect\packages\rtmpx-0.7.0-win-x64.zip'
            SiteRoot        = 'C:\RtmpXProtect'
            Service         = 'windows'
            Domain          = 'site.example'
            CertificateDays = 365
            RenewDaysBefore = 30
        }
        @{ NodeName = 'rs1'; Rtmp = '0.0.0.0:1935'; Rtmps = '0.0.0.0:443'; Api = '127.0.0.1:1985' }
        @{ NodeName = 'rs2'; Rtmp = '0.0.0.0:1936'; Rtmps = '0.0.0.0:444'; Api = '127.0.0.1:1986' }
        @{ NodeName = 'rs3'; Rtmp = '0.0.0.0:1937'; Rtmps = '0.0.0.0:445'; Api = '127.0.0.1:1987' }
    )
}

Configuration RtmpXProtectSite {
    param(
        # Each server's camera publish key, by node name.
        [Parameter(Mandatory)]
        [hashtable] $PublishKeys,

        # Where each server sends live/cam1, with its stream key, by node name.
        [Parameter(Mandatory)]
        [hashtable] $StreamUrls
    )

    Import-DscResource -ModuleName RtmpXProtect

    Node $AllNodes.NodeName {
        RtmpInstance Instance {
            Name    = $Node.NodeName
            Root    = Join-Path $Node.SiteRoot $Node.NodeName
            Package = $Node.Package
            Rtmp    = $Node.Rtmp
            Rtmps   = $Node.Rtmps
            Api     = $Node.Api
            Service = $Node.Service
            # Dotted keys, values as JSON text: a MOF hashtable holds strings only.
            Config  = @{ 'paths.mode' = 'fixed'; 'limits.maxConnectionsPerAddress' = '20' }
        }

        RtmpCertificate Certificate {
            Instance        = $Node.NodeName
            DnsNames        = @("$($Node.NodeName).$($Node.Domain)")
            ValidDays       = $Node.CertificateDays
            RenewDaysBefore = $Node.RenewDaysBefore
            DependsOn       = '[RtmpInstance]Instance'
        }

        RtmpPath Cam1 {
            Instance    = $Node.NodeName
            Path        = 'live/cam1'
            PublishKeys = @($PublishKeys[$Node.NodeName])
            DependsOn   = '[RtmpInstance]Instance'
        }

        RtmpStream Cam1Out {
            Instance     = $Node.NodeName
            Name         = 'cam1-out'
            Source       = 'ingest:live/cam1'
            Destinations = @(RtmpDestination { Url = $StreamUrls[$Node.NodeName] })
            DependsOn    = '[RtmpPath]Cam1'
        }
    }
}
