# Module manifest for RtmpXProtect: binary cmdlets over the RtmpXProtect engine, and DSC class resources.
# The build copies this file into artifacts/RtmpXProtect/ next to the root module, bin/, the format file and
# en-US/ help. The root module is the .psm1 of the DSC classes (DSC's PowerShell adapter resolves a class in
# the module its root file names); the cmdlets are in the nested binary module, loaded before it.
@{
    RootModule           = 'RtmpXProtect.psm1'
    NestedModules        = @('bin/RtmpXProtect.dll')
    ModuleVersion        = '0.7.0'
    GUID                 = 'c69a7704-199d-4eaa-be82-442426d2538d'
    Author               = 'RtmpXProtect contributors'
    CompanyName          = 'RtmpXProtect'
    Copyright            = '(c) RtmpXProtect contributors. MIT License.'
    Description          = 'Move live video between RTMP(S) and Milestone XProtect: rtmpx instances installed and configured across servers (cmdlets and DSC resources), stream definitions, an in-process RTMP(S) ingest, endpoint probes, certificates and publish tokens.'
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
        'Test-RtmpEndpoint',
        'Get-RtmpXProtectCamera',
        'Export-RtmpXProtectRecording',
        'Get-RtmpInstance',
        'Install-RtmpInstance',
        'Set-RtmpInstance',
        'Uninstall-RtmpInstance',
        'Get-RtmpInstanceCertificate',
        'Set-RtmpInstanceCertificate',
        'Remove-RtmpInstanceCertificate',
        'Get-RtmpPath',
        'Set-RtmpPath',
        'Remove-RtmpPath',
        'Get-RtmpXProtectComponent',
        'Install-RtmpXProtectComponent',
        'Uninstall-RtmpXProtectComponent'
    )
    DscResourcesToExport = @('RtmpInstance', 'RtmpCertificate', 'RtmpPath', 'RtmpStream', 'RtmpXProtectDriver', 'RtmpXProtectPlugin')
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('RTMP', 'RTMPS', 'Milestone', 'XProtect', 'Streaming', 'Video', 'DSC', 'DscResources', 'Windows', 'Linux', 'PSEdition_Desktop', 'PSEdition_Core')
            ProjectUri   = 'https://github.com/rtmpxprotect/rtmpxprotect'
            LicenseUri   = 'https://github.com/rtmpxprotect/rtmpxprotect/blob/main/LICENSE'
            ReleaseNotes = '0.7.0: rtmpx instances (Get-, Install-, Set-, Uninstall-RtmpInstance), their certificates and paths, and the DSC class resources RtmpInstance, RtmpCertificate, RtmpPath and RtmpStream.'
        }
    }
}
