#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The PowerShell DSC class resources, found and invoked as DSC v3's PowerShell adapter does
# (PowerShell/DSC adapters/powershell/psDscAdapter/psDscAdapter.psm1): the module is found by the
# DscResourcesToExport line of its manifest, its root file parsed for [DscResource()] classes (type
# <root file name>/<class>), the class resolved in the module's scope, an instance made with ::new(), the
# input properties assigned (JSON objects as hashtables, {username, password} as a PSCredential), then
# Get(), Test() or Set() called and the DscProperty values read back.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-BuiltModule
    $script:Classes = @(
        @{ Class = 'RtmpInstance'; Type = 'RtmpXProtect/Instance' }
        @{ Class = 'RtmpCertificate'; Type = 'RtmpXProtect/Certificate' }
        @{ Class = 'RtmpPath'; Type = 'RtmpXProtect/Path' }
        @{ Class = 'RtmpStream'; Type = 'RtmpXProtect/Stream' }
        @{ Class = 'RtmpXProtectDriver'; Type = 'RtmpXProtect/Driver' }
        @{ Class = 'RtmpXProtectPlugin'; Type = 'RtmpXProtect/Plugin' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-BuiltModule
    # One machine for the whole file: TestDrive would remove what a Describe installed when it ends.
    $machine = Join-Path ([System.IO.Path]::GetTempPath()) ("rtmpx-pester-dsc-" + [guid]::NewGuid().ToString('N'))
    Use-TestRegistry $machine
    $package = New-PlaceholderPackage $machine
    $module = Get-Module RtmpXProtect

    # As the adapter's GetTypeInstanceFromModule and Invoke-DscOperation do (v3.2.3 psDscAdapter.psm1): the
    # properties come as JSON; a JSON object becomes a hashtable of its top-level members (a PSCredential
    # when the property is one), anything else, arrays of objects too, is assigned as ConvertFrom-Json made it.
    function Invoke-AsAdapter([string] $Class, [string] $Operation, [hashtable] $Properties) {
        $type = $module.Invoke([scriptblock]::Create("'$Class' -as 'type'"))
        $instance = $type::New()
        $given = ConvertFrom-Json (ConvertTo-Json -InputObject $Properties -Depth 10)
        foreach ($member in $given.PSObject.Properties) {
            $value = $member.Value
            $declared = $type.GetProperty($member.Name, [System.Reflection.BindingFlags]'Public,Instance,IgnoreCase').PropertyType
            if ($value -is [System.Management.Automation.PSCustomObject]) {
                if ($declared -eq [pscredential]) {
                    $value = [pscredential]::new($value.username, (ConvertTo-SecureString $value.password -AsPlainText -Force))
                }
                else {
                    $table = @{}
                    foreach ($inner in $value.PSObject.Properties) { $table[$inner.Name] = $inner.Value }
                    $value = $table
                }
            }
            $instance.($member.Name) = $value
        }
        switch ($Operation) {
            'Get' {
                $raw = $instance.Get()
                $result = @{}
                foreach ($property in $type.GetProperties() | Where-Object { $_.GetCustomAttributes([System.Management.Automation.DscPropertyAttribute], $true) }) {
                    # Assigned as is (an if-expression would unroll a one-item array), enums as their names.
                    $result[$property.Name] = $raw.($property.Name)
                    if ($result[$property.Name] -is [enum]) { $result[$property.Name] = $result[$property.Name].ToString() }
                }
                $result
            }
            'Test' { $instance.Test() }
            'Set' { $instance.Set() }
        }
    }

    $rs1 = @{ Name = 'dsc1'; Root = (Join-Path $machine 'roots/dsc1'); Package = $package; Rtmp = '127.0.0.1:19461'; Rtmps = '127.0.0.1:19462'; Api = '127.0.0.1:19961'; Service = 'none'; Config = @{ limits = @{ maxConnections = 321 } } }
}

AfterAll {
    Remove-Item Env:RTMPX_INSTANCE_REGISTRY -ErrorAction SilentlyContinue
    Remove-Item $machine -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Discovery as the adapter does it' {
    It 'finds the module by an uncommented DscResourcesToExport line and the classes at the top of its root file' {
        $manifest = Get-Content $ModuleManifest
        @($manifest | Where-Object { $_ -match '^[^#]*\bDscResourcesToExport\b.*' }) | Should -Not -BeNullOrEmpty
        $root = Join-Path (Split-Path $ModuleManifest) (Import-PowerShellDataFile $ModuleManifest).RootModule
        [System.IO.Path]::GetFileNameWithoutExtension($root) | Should -Be 'RtmpXProtect'
        $tokens = $null; $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($root, [ref] $tokens, [ref] $errors)
        $errors | Should -BeNullOrEmpty
        $classes = $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.TypeDefinitionAst] -and $node.Attributes.TypeName.Name -contains 'DscResource' }, $false).Name
        @($classes | Sort-Object) | Should -Be @('RtmpCertificate', 'RtmpInstance', 'RtmpPath', 'RtmpStream', 'RtmpXProtectDriver', 'RtmpXProtectPlugin')
        @((Import-PowerShellDataFile $ModuleManifest).DscResourcesToExport | Sort-Object) | Should -Be @($classes | Sort-Object)
    }
}

Describe '<Class>, the class face of <Type>' -ForEach $Classes {
    It 'has the properties of the DSC v3 resource, the keys as keys' {
        $classType = $module.Invoke([scriptblock]::Create("'$Class' -as 'type'"))
        $schema = [RtmpXProtect.Engine.Management.DesiredState.ResourceCatalog]::new().Find($Type).Schema()
        $expected = ($schema['properties'].ToJsonString() | ConvertFrom-Json).PSObject.Properties.Name | Where-Object { $_ -ne '_inDesiredState' }
        $dsc = @($classType.GetProperties() | Where-Object { $_.GetCustomAttributes([System.Management.Automation.DscPropertyAttribute], $true) })
        $names = $dsc | ForEach-Object { if ($_.Name -eq '_exist') { '_exist' } else { $_.Name.Substring(0, 1).ToLowerInvariant() + $_.Name.Substring(1) } }
        $keys = $dsc | Where-Object { $_.GetCustomAttributes([System.Management.Automation.DscPropertyAttribute], $true)[0].Key } | ForEach-Object { $_.Name.Substring(0, 1).ToLowerInvariant() + $_.Name.Substring(1) }
        if ($null -eq $schema['required']) {
            # A keyless resource (one per machine): the class's only key is DSC's IsSingleInstance.
            @($keys) | Should -Be @('isSingleInstance')
            $names = $names | Where-Object { $_ -ne 'isSingleInstance' }
        }
        else {
            @($keys | Sort-Object) | Should -Be @(($schema['required'].ToJsonString() | ConvertFrom-Json) | Sort-Object)
        }
        @($names | Sort-Object) | Should -Be @($expected | Sort-Object)
    }
}

Describe 'RtmpInstance' {
    It 'installs an instance with Set() and then finds it in the desired state with Test()' {
        Invoke-AsAdapter RtmpInstance Test $rs1 | Should -BeFalse
        Invoke-AsAdapter RtmpInstance Set $rs1
        Invoke-AsAdapter RtmpInstance Test $rs1 | Should -BeTrue
        Join-Path $rs1.Root 'bin/rtmpx' | Should -Exist
    }

    It 'reports its state with Get(), without the package it was given' {
        $state = Invoke-AsAdapter RtmpInstance Get @{ Name = 'dsc1'; Package = $package }
        $state.Version | Should -Be '0.7.0'
        $state.Rtmps | Should -Be '127.0.0.1:19462'
        $state.Service | Should -Be 'none'
        $state.Config.limits.maxConnections | Should -Be 321
        $state.Package | Should -BeNullOrEmpty
    }

    It 'takes none for a listener that is off, and sees drift in rtmpx.json' {
        Invoke-AsAdapter RtmpInstance Set @{ Name = 'dsc1'; Rtmps = 'none' }
        (Invoke-AsAdapter RtmpInstance Get @{ Name = 'dsc1' }).Rtmps | Should -Be 'none'
        $file = Join-Path $rs1.Root 'rtmpx.json'
        (Get-Content $file -Raw).Replace('321', '9') | Set-Content $file
        Invoke-AsAdapter RtmpInstance Test @{ Name = 'dsc1'; Config = @{ limits = @{ maxConnections = 321 } } } | Should -BeFalse
        Invoke-AsAdapter RtmpInstance Set @{ Name = 'dsc1'; Config = @{ limits = @{ maxConnections = 321 } } }
        Invoke-AsAdapter RtmpInstance Test @{ Name = 'dsc1'; Config = @{ limits = @{ maxConnections = 321 } } } | Should -BeTrue
    }

    It 'takes Config in the dotted form a MOF can carry, its strings read as JSON where they are' {
        $dotted = @{ Name = 'dsc1'; Config = @{ 'limits.maxConnections' = '321'; 'limits.maxConnectionsPerAddress' = '20'; 'paths.publishers' = '["10.0.0.0/8"]' } }
        Invoke-AsAdapter RtmpInstance Set $dotted
        Invoke-AsAdapter RtmpInstance Test $dotted | Should -BeTrue
        Invoke-AsAdapter RtmpInstance Test @{ Name = 'dsc1'; Config = @{ limits = @{ maxConnectionsPerAddress = 20 }; paths = @{ publishers = @('10.0.0.0/8') } } } | Should -BeTrue
        $state = Invoke-AsAdapter RtmpInstance Get @{ Name = 'dsc1' }
        $state.Config.limits.maxConnectionsPerAddress | Should -Be 20
        $state.Config.limits.maxConnectionsPerAddress | Should -BeOfType [long]
        @($state.Config.paths.publishers) | Should -Be @('10.0.0.0/8')
    }

    It 'lists every instance with the static Export()' {
        $type = $module.Invoke([scriptblock]::Create("'RtmpInstance' -as 'type'"))
        @($type::Export().Name) | Should -Be @('dsc1')
    }

    It 'throws the engine''s error, which the adapter reports, when a set cannot be applied' {
        { Invoke-AsAdapter RtmpInstance Set @{ Name = 'dsc1'; Api = '0.0.0.0:1985' } } | Should -Throw '*not a loopback address*'
    }
}

Describe 'RtmpCertificate' {
    It 'makes a self-signed certificate and reports it' {
        $desired = @{ Instance = 'dsc1'; DnsNames = @('dsc1.site.example'); ValidDays = 90; RenewDaysBefore = 30 }
        Invoke-AsAdapter RtmpCertificate Set $desired
        Invoke-AsAdapter RtmpCertificate Test $desired | Should -BeTrue
        $state = Invoke-AsAdapter RtmpCertificate Get @{ Instance = 'dsc1' }
        $state.Subject | Should -Be 'CN=dsc1.site.example'
        $state.Thumbprint | Should -Match '^[0-9A-F]{40}$'
        $state.Source | Should -Be 'selfSigned'
    }

    It 'installs a PFX given with a credential, and never hands the password back' {
        $password = ConvertTo-SecureString 'dsc-pfx-pass' -AsPlainText -Force
        $pfx = New-RtmpCertificate -Path (Join-Path $machine 'given.pfx') -DnsName given.example -Password $password
        $desired = @{ Instance = 'dsc1'; Source = 'pfx'; PfxPath = $pfx.FullName; Password = @{ username = 'pfx'; password = 'dsc-pfx-pass' } }
        Invoke-AsAdapter RtmpCertificate Set $desired
        Invoke-AsAdapter RtmpCertificate Test $desired | Should -BeTrue
        $state = Invoke-AsAdapter RtmpCertificate Get $desired
        $state.Thumbprint | Should -Be ([System.Security.Cryptography.X509Certificates.X509Certificate2]::new($pfx.FullName, 'dsc-pfx-pass').Thumbprint)
        $state.Password | Should -BeNullOrEmpty
        ($state | ConvertTo-Json -Depth 5) | Should -Not -Match 'dsc-pfx-pass'
    }
}

Describe 'RtmpPath' {
    It 'stores publish keys it compares but never returns' {
        $desired = @{ Instance = 'dsc1'; Path = 'live/cam1'; PublishKeys = @('dsc-path-key-1'); Publishers = @('10.1.2.0/24') }
        Invoke-AsAdapter RtmpPath Set $desired
        Invoke-AsAdapter RtmpPath Test $desired | Should -BeTrue
        $state = Invoke-AsAdapter RtmpPath Get $desired
        $state.PublishKeys | Should -BeNullOrEmpty
        $state.PublishKeyCount | Should -Be 1
        ($state | ConvertTo-Json -Depth 5) | Should -Not -Match 'dsc-path-key-1'
        Invoke-AsAdapter RtmpPath Test @{ Instance = 'dsc1'; Path = 'live/cam1'; PublishKeys = @('another-key') } | Should -BeFalse
    }

    It 'removes the path with _exist $false' {
        Invoke-AsAdapter RtmpPath Set @{ Instance = 'dsc1'; Path = 'live/cam1'; _exist = $false }
        Invoke-AsAdapter RtmpPath Test @{ Instance = 'dsc1'; Path = 'live/cam1'; _exist = $false } | Should -BeTrue
        Get-RtmpPath dsc1 | Should -BeNullOrEmpty
    }
}

Describe 'RtmpStream' {
    It 'hands back no URL it was given from Get() of a stream that does not exist yet' {
        $state = Invoke-AsAdapter RtmpStream Get @{ Instance = 'dsc1'; Name = 'not-yet'; Destinations = @(@{ url = 'rtmp://a.rtmp.youtube.com/live2/dsc-yt-key-9' }) }
        $state._exist | Should -BeFalse
        $state.Destinations | Should -BeNullOrEmpty
        ($state | ConvertTo-Json -Depth 5) | Should -Not -Match 'dsc-yt-key-9'
    }

    It 'keeps a destination URL in secrets/ and shows it masked' {
        $desired = @{ Instance = 'dsc1'; Name = 'lobby'; Source = 'ingest:live/cam1'; Destinations = @(@{ url = 'rtmp://a.rtmp.youtube.com/live2/dsc-yt-key-2' }); Audio = 'silent' }
        Invoke-AsAdapter RtmpStream Set $desired
        Invoke-AsAdapter RtmpStream Test $desired | Should -BeTrue
        $state = Invoke-AsAdapter RtmpStream Get @{ Instance = 'dsc1'; Name = 'lobby' }
        $state.Destinations[0].shown | Should -Be 'rtmp://a.rtmp.youtube.com:1935/live2/****'
        $state.Destinations[0].GetType().Name | Should -Be 'RtmpDestination'
        $state.Audio | Should -Be 'silent'
        ($state | ConvertTo-Json -Depth 5) | Should -Not -Match 'dsc-yt-key-2'
        (Get-RtmpStream -Instance dsc1 -NoStatus).Name | Should -Be 'lobby'
    }
}

Describe '<Class>, the XProtect <Component>' -ForEach @(
    @{ Class = 'RtmpXProtectDriver'; Component = 'Driver'; Folder = 'MIPDrivers' }
    @{ Class = 'RtmpXProtectPlugin'; Component = 'Plugin'; Folder = 'MIPPlugins' }
) {
    BeforeAll {
        $programFiles = Join-Path $machine "program-files-$Component"
        $componentPackage = New-ComponentPackage $machine -Component $Component
    }

    It 'installs with Set() into Milestone\<Folder>\RtmpXProtect and then tests in the desired state' {
        $desired = @{ IsSingleInstance = 'Yes'; Package = $componentPackage; Root = $programFiles }
        Invoke-AsAdapter $Class Test $desired | Should -BeFalse
        Invoke-AsAdapter $Class Set $desired
        Invoke-AsAdapter $Class Test $desired | Should -BeTrue
        Join-Path $programFiles "Milestone/$Folder/RtmpXProtect/RtmpXProtect.$Component.dll" | Should -Exist
    }

    It 'reports where it is and its version with Get(), without the package it was given' {
        $state = Invoke-AsAdapter $Class Get @{ IsSingleInstance = 'Yes'; Package = $componentPackage; Root = $programFiles }
        $state._exist | Should -BeTrue
        $state.IsSingleInstance | Should -Be 'Yes'
        $state.Path | Should -Be (Join-Path $programFiles "Milestone/$Folder/RtmpXProtect")
        $state.Version | Should -Be (Get-RtmpXProtectComponent $Component -Root $programFiles).Version
        $state.Package | Should -BeNullOrEmpty
    }

    It 'removes it with _exist $false' {
        Invoke-AsAdapter $Class Set @{ IsSingleInstance = 'Yes'; Root = $programFiles; _exist = $false }
        Invoke-AsAdapter $Class Test @{ IsSingleInstance = 'Yes'; Root = $programFiles; _exist = $false } | Should -BeTrue
        (Get-RtmpXProtectComponent $Component -Root $programFiles).Exist | Should -BeFalse
    }
}
