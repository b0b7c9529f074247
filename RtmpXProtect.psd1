# Module manifest for RtmpXProtect: binary cmdlets over the RtmpXProtect engine.
# The build copies this file into artifacts/RtmpXProtect/ next to bin/, the format file and en-US/ help.
@{
    RootModule           = 'bin/RtmpXProtect.dll'
    ModuleVersion        = '0.6.0'
    GUID                 = 'c69a7704-199d-4eaa-be82-442426d2538d'
    Author               = 'RtmpXProtect contributors'
    CompanyName          = 'RtmpXProtect'
    Copyright            = '(c) RtmpXProtect contributors. MIT License.'
    Description          = 'Move live video between RTMP(S) and Milestone XProtect: stream definitions, an in-process RTMP(S) ingest, endpoint probes, certificates and publish tokens.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('RtmpXProtect.Format.ps1xml')
    CmdletsToExport      = @(
        'New-RtmpStream',
        'Get-RtmpStream',
        'Set-RtmpStream',
        'Remove-RtmpStream',
        'Start-RtmpStream',
        'Stop-RtmpStream',
        'Get-RtmpStreamLog',
        'Start-RtmpIngest',
        'Stop-RtmpIngest',
        'Get-RtmpIngest',
        'New-RtmpCertificate',
        'New-RtmpPublishToken',
        'Test-RtmpEndpoint'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('RTMP', 'RTMPS', 'Milestone', 'XProtect', 'Streaming', 'Video', 'Windows', 'Linux', 'PSEdition_Desktop', 'PSEdition_Core')
            ProjectUri   = 'https://github.com/rtmpxprotect/rtmpxprotect'
            LicenseUri   = 'https://github.com/rtmpxprotect/rtmpxprotect/blob/main/LICENSE'
            ReleaseNotes = 'First module release: streams, ingest, probe, certificates and publish tokens.'
        }
    }
}
