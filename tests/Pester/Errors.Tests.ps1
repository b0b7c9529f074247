[
  {
    "name": "Manifest.is valid and exports exactly the module's cmdlets",
    "result": "Passed",
    "message": "",
    "seconds": 0.1711015
  },
  {
    "name": "Get-Help Get-RtmpIngest -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0619707
  },
  {
    "name": "Get-Help Get-RtmpIngest -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0074298
  },
  {
    "name": "Get-Help Get-RtmpIngest -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0202359
  },
  {
    "name": "Get-Help Get-RtmpIngest -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0098309
  },
  {
    "name": "Get-Help Get-RtmpIngest -Full.describes -Ingest as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0215991
  },
  {
    "name": "Get-Help Get-RtmpIngest -Full.describes -Api as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0078574
  },
  {
    "name": "Get-Help Get-RtmpInstance -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0143407
  },
  {
    "name": "Get-Help Get-RtmpInstance -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0043349
  },
  {
    "name": "Get-Help Get-RtmpInstance -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0066767
  },
  {
    "name": "Get-Help Get-RtmpInstance -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0081695
  },
  {
    "name": "Get-Help Get-RtmpInstance -Full.describes -Name as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0077559
  },
  {
    "name": "Get-Help Get-RtmpInstanceCertificate -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0069106
  },
  {
    "name": "Get-Help Get-RtmpInstanceCertificate -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0038067
  },
  {
    "name": "Get-Help Get-RtmpInstanceCertificate -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0065085
  },
  {
    "name": "Get-Help Get-RtmpInstanceCertificate -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0322515
  },
  {
    "name": "Get-Help Get-RtmpInstanceCertificate -Full.describes -Instance as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0136757
  },
  {
    "name": "Get-Help Get-RtmpPath -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0155239
  },
  {
    "name": "Get-Help Get-RtmpPath -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0402013
  },
  {
    "name": "Get-Help Get-RtmpPath -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0168317
  },
  {
    "name": "Get-Help Get-RtmpPath -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0240053
  },
  {
    "name": "Get-Help Get-RtmpPath -Full.describes -Instance as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0233459
  },
  {
    "name": "Get-Help Get-RtmpPath -Full.describes -Path as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0328736
  },
  {
    "name": "Get-Help Get-RtmpStream -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0085262
  },
  {
    "name": "Get-Help Get-RtmpStream -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0047863
  },
  {
    "name": "Get-Help Get-RtmpStream -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0083195
  },
  {
    "name": "Get-Help Get-RtmpStream -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0091207
  },
  {
    "name": "Get-Help Get-RtmpStream -Full.describes -Name as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0090519
  },
  {
    "name": "Get-Help Get-RtmpStream -Full.describes -Api as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0093053
  },
  {
    "name": "Get-Help Get-RtmpStream -Full.describes -NoStatus as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.02718
  },
  {
    "name": "Get-Help Get-RtmpStream -Full.describes -ConfigPath as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0173508
  },
  {
    "name": "Get-Help Get-RtmpStream -Full.describes -Instance as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0112176
  },
  {
    "name": "Get-Help Get-RtmpStreamLog -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0083825
  },
  {
    "name": "Get-Help Get-RtmpStreamLog -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0047107
  },
  {
    "name": "Get-Help Get-RtmpStreamLog -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0080838
  },
  {
    "name": "Get-Help Get-RtmpStreamLog -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0087879
  },
  {
    "name": "Get-Help Get-RtmpStreamLog -Full.describes -Name as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0127187
  },
  {
    "name": "Get-Help Get-RtmpStreamLog -Full.describes -Tail as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0085535
  },
  {
    "name": "Get-Help Get-RtmpStreamLog -Full.describes -Wait as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0086002
  },
  {
    "name": "Get-Help Get-RtmpStreamLog -Full.describes -Api as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.009137
  },
  {
    "name": "Get-Help Install-RtmpInstance -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0182194
  },
  {
    "name": "Get-Help Install-RtmpInstance -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0098228
  },
  {
    "name": "Get-Help Install-RtmpInstance -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0226055
  },
  {
    "name": "Get-Help Install-RtmpInstance -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0289982
  },
  {
    "name": "Get-Help Install-RtmpInstance -Full.describes -Name as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0226764
  },
  {
    "name": "Get-Help Install-RtmpInstance -Full.describes -Package as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0211926
  },
  {
    "name": "Get-Help Install-RtmpInstance -Full.describes -Root as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0228197
  },
  {
    "name": "Get-Help Install-RtmpInstance -Full.describes -Stopped as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0213479
  },
  {
    "name": "Get-Help Install-RtmpInstance -Full.describes -Rtmp as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0089103
  },
  {
    "name": "Get-Help Install-RtmpInstance -Full.describes -Rtmps as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0085568
  },
  {
    "name": "Get-Help Install-RtmpInstance -Full.describes -Api as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0139161
  },
  {
    "name": "Get-Help Install-RtmpInstance -Full.describes -Service as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0084216
  },
  {
    "name": "Get-Help Install-RtmpInstance -Full.describes -Config as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.008473
  },
  {
    "name": "Get-Help New-RtmpCertificate -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0075359
  },
  {
    "name": "Get-Help New-RtmpCertificate -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0041483
  },
  {
    "name": "Get-Help New-RtmpCertificate -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0055479
  },
  {
    "name": "Get-Help New-RtmpCertificate -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0081347
  },
  {
    "name": "Get-Help New-RtmpCertificate -Full.describes -Path as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.007943
  },
  {
    "name": "Get-Help New-RtmpCertificate -Full.describes -DnsName as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0110382
  },
  {
    "name": "Get-Help New-RtmpCertificate -Full.describes -IPAddress as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0079959
  },
  {
    "name": "Get-Help New-RtmpCertificate -Full.describes -Password as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0080464
  },
  {
    "name": "Get-Help New-RtmpCertificate -Full.describes -ValidDays as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.007972
  },
  {
    "name": "Get-Help New-RtmpCertificate -Full.describes -Force as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0081083
  },
  {
    "name": "Get-Help New-RtmpPublishToken -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0074994
  },
  {
    "name": "Get-Help New-RtmpPublishToken -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0042646
  },
  {
    "name": "Get-Help New-RtmpPublishToken -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0058569
  },
  {
    "name": "Get-Help New-RtmpPublishToken -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0169498
  },
  {
    "name": "Get-Help New-RtmpPublishToken -Full.describes -Path as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0082606
  },
  {
    "name": "Get-Help New-RtmpPublishToken -Full.describes -BaseUrl as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0079084
  },
  {
    "name": "Get-Help New-RtmpPublishToken -Full.describes -Secret as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0078148
  },
  {
    "name": "Get-Help New-RtmpPublishToken -Full.describes -Ttl as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.007942
  },
  {
    "name": "Get-Help New-RtmpStream -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0089497
  },
  {
    "name": "Get-Help New-RtmpStream -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0051258
  },
  {
    "name": "Get-Help New-RtmpStream -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0108839
  },
  {
    "name": "Get-Help New-RtmpStream -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0081627
  },
  {
    "name": "Get-Help New-RtmpStream -Full.describes -Name as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0083905
  },
  {
    "name": "Get-Help New-RtmpStream -Full.describes -Source as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0115445
  },
  {
    "name": "Get-Help New-RtmpStream -Full.describes -CameraId as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0085816
  },
  {
    "name": "Get-Help New-RtmpStream -Full.describes -Destination as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0084622
  },
  {
    "name": "Get-Help New-RtmpStream -Full.describes -StreamKey as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0085598
  },
  {
    "name": "Get-Help New-RtmpStream -Full.describes -DestinationUrl as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0086031
  },
  {
    "name": "Get-Help New-RtmpStream -Full.describes -AllowUntrustedCertificate as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.011377
  },
  {
    "name": "Get-Help New-RtmpStream -Full.describes -Audio as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0082778
  },
  {
    "name": "Get-Help New-RtmpStream -Full.describes -Video as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0083556
  },
  {
    "name": "Get-Help New-RtmpStream -Full.describes -Disabled as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0082887
  },
  {
    "name": "Get-Help New-RtmpStream -Full.describes -ConfigPath as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0091114
  },
  {
    "name": "Get-Help New-RtmpStream -Full.describes -Instance as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0091665
  },
  {
    "name": "Get-Help Remove-RtmpInstanceCertificate -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0081352
  },
  {
    "name": "Get-Help Remove-RtmpInstanceCertificate -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0077133
  },
  {
    "name": "Get-Help Remove-RtmpInstanceCertificate -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0083453
  },
  {
    "name": "Get-Help Remove-RtmpInstanceCertificate -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0086947
  },
  {
    "name": "Get-Help Remove-RtmpInstanceCertificate -Full.describes -Instance as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0084906
  },
  {
    "name": "Get-Help Remove-RtmpPath -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0080379
  },
  {
    "name": "Get-Help Remove-RtmpPath -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0043247
  },
  {
    "name": "Get-Help Remove-RtmpPath -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0061429
  },
  {
    "name": "Get-Help Remove-RtmpPath -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0086056
  },
  {
    "name": "Get-Help Remove-RtmpPath -Full.describes -Instance as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0083776
  },
  {
    "name": "Get-Help Remove-RtmpPath -Full.describes -Path as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0112191
  },
  {
    "name": "Get-Help Remove-RtmpStream -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0081887
  },
  {
    "name": "Get-Help Remove-RtmpStream -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0047293
  },
  {
    "name": "Get-Help Remove-RtmpStream -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0081848
  },
  {
    "name": "Get-Help Remove-RtmpStream -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0087745
  },
  {
    "name": "Get-Help Remove-RtmpStream -Full.describes -Name as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0086205
  },
  {
    "name": "Get-Help Remove-RtmpStream -Full.describes -ConfigPath as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0090167
  },
  {
    "name": "Get-Help Remove-RtmpStream -Full.describes -Instance as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0086296
  },
  {
    "name": "Get-Help Set-RtmpInstance -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0083169
  },
  {
    "name": "Get-Help Set-RtmpInstance -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0043384
  },
  {
    "name": "Get-Help Set-RtmpInstance -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0081072
  },
  {
    "name": "Get-Help Set-RtmpInstance -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0091125
  },
  {
    "name": "Get-Help Set-RtmpInstance -Full.describes -Name as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0088946
  },
  {
    "name": "Get-Help Set-RtmpInstance -Full.describes -Package as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0087706
  },
  {
    "name": "Get-Help Set-RtmpInstance -Full.describes -State as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0086382
  },
  {
    "name": "Get-Help Set-RtmpInstance -Full.describes -Rtmp as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0111147
  },
  {
    "name": "Get-Help Set-RtmpInstance -Full.describes -Rtmps as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0088012
  },
  {
    "name": "Get-Help Set-RtmpInstance -Full.describes -Api as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0088306
  },
  {
    "name": "Get-Help Set-RtmpInstance -Full.describes -Service as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0089078
  },
  {
    "name": "Get-Help Set-RtmpInstance -Full.describes -Config as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0126879
  },
  {
    "name": "Get-Help Set-RtmpInstanceCertificate -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0091547
  },
  {
    "name": "Get-Help Set-RtmpInstanceCertificate -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0047033
  },
  {
    "name": "Get-Help Set-RtmpInstanceCertificate -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0082247
  },
  {
    "name": "Get-Help Set-RtmpInstanceCertificate -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0111022
  },
  {
    "name": "Get-Help Set-RtmpInstanceCertificate -Full.describes -Instance as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0089754
  },
  {
    "name": "Get-Help Set-RtmpInstanceCertificate -Full.describes -DnsName as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0087538
  },
  {
    "name": "Get-Help Set-RtmpInstanceCertificate -Full.describes -IPAddress as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0088447
  },
  {
    "name": "Get-Help Set-RtmpInstanceCertificate -Full.describes -ValidDays as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0087876
  },
  {
    "name": "Get-Help Set-RtmpInstanceCertificate -Full.describes -RenewDaysBefore as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.00858
  },
  {
    "name": "Get-Help Set-RtmpInstanceCertificate -Full.describes -PfxPath as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0087464
  },
  {
    "name": "Get-Help Set-RtmpInstanceCertificate -Full.describes -Password as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0089264
  },
  {
    "name": "Get-Help Set-RtmpInstanceCertificate -Full.describes -Store as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0108667
  },
  {
    "name": "Get-Help Set-RtmpPath -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.008346
  },
  {
    "name": "Get-Help Set-RtmpPath -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0044469
  },
  {
    "name": "Get-Help Set-RtmpPath -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0079212
  },
  {
    "name": "Get-Help Set-RtmpPath -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.00947
  },
  {
    "name": "Get-Help Set-RtmpPath -Full.describes -Instance as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0088443
  },
  {
    "name": "Get-Help Set-RtmpPath -Full.describes -Path as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0087084
  },
  {
    "name": "Get-Help Set-RtmpPath -Full.describes -PublishKey as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.013007
  },
  {
    "name": "Get-Help Set-RtmpPath -Full.describes -PlayKey as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0096303
  },
  {
    "name": "Get-Help Set-RtmpPath -Full.describes -Publisher as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0154092
  },
  {
    "name": "Get-Help Set-RtmpPath -Full.describes -Record as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0149728
  },
  {
    "name": "Get-Help Set-RtmpStream -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0079938
  },
  {
    "name": "Get-Help Set-RtmpStream -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0045199
  },
  {
    "name": "Get-Help Set-RtmpStream -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0080432
  },
  {
    "name": "Get-Help Set-RtmpStream -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0090994
  },
  {
    "name": "Get-Help Set-RtmpStream -Full.describes -Name as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0118813
  },
  {
    "name": "Get-Help Set-RtmpStream -Full.describes -Source as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0089536
  },
  {
    "name": "Get-Help Set-RtmpStream -Full.describes -Destination as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0087358
  },
  {
    "name": "Get-Help Set-RtmpStream -Full.describes -StreamKey as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0085757
  },
  {
    "name": "Get-Help Set-RtmpStream -Full.describes -DestinationUrl as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0093738
  },
  {
    "name": "Get-Help Set-RtmpStream -Full.describes -AllowUntrustedCertificate as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.013199
  },
  {
    "name": "Get-Help Set-RtmpStream -Full.describes -Audio as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0087374
  },
  {
    "name": "Get-Help Set-RtmpStream -Full.describes -Video as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0097548
  },
  {
    "name": "Get-Help Set-RtmpStream -Full.describes -ConfigPath as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0096091
  },
  {
    "name": "Get-Help Set-RtmpStream -Full.describes -Instance as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0093725
  },
  {
    "name": "Get-Help Start-RtmpIngest -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0080602
  },
  {
    "name": "Get-Help Start-RtmpIngest -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0044873
  },
  {
    "name": "Get-Help Start-RtmpIngest -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0084598
  },
  {
    "name": "Get-Help Start-RtmpIngest -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0092428
  },
  {
    "name": "Get-Help Start-RtmpIngest -Full.describes -Port as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0087746
  },
  {
    "name": "Get-Help Start-RtmpIngest -Full.describes -Address as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0117323
  },
  {
    "name": "Get-Help Start-RtmpIngest -Full.describes -TlsPort as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0089291
  },
  {
    "name": "Get-Help Start-RtmpIngest -Full.describes -Certificate as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0091307
  },
  {
    "name": "Get-Help Start-RtmpIngest -Full.describes -CertificatePath as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0089893
  },
  {
    "name": "Get-Help Start-RtmpIngest -Full.describes -CertificatePassword as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0088111
  },
  {
    "name": "Get-Help Start-RtmpIngest -Full.describes -Path as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0134261
  },
  {
    "name": "Get-Help Start-RtmpIngest -Full.describes -PublishKey as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0146601
  },
  {
    "name": "Get-Help Start-RtmpIngest -Full.describes -Credential as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0148057
  },
  {
    "name": "Get-Help Start-RtmpIngest -Full.describes -MaxConnections as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0173567
  },
  {
    "name": "Get-Help Start-RtmpIngest -Full.describes -ConfigPath as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0139449
  },
  {
    "name": "Get-Help Start-RtmpIngest -Full.describes -RecordDirectory as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0147516
  },
  {
    "name": "Get-Help Start-RtmpStream -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0085222
  },
  {
    "name": "Get-Help Start-RtmpStream -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0042432
  },
  {
    "name": "Get-Help Start-RtmpStream -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0066395
  },
  {
    "name": "Get-Help Start-RtmpStream -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0098065
  },
  {
    "name": "Get-Help Start-RtmpStream -Full.describes -Name as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0092525
  },
  {
    "name": "Get-Help Start-RtmpStream -Full.describes -ConfigPath as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0120057
  },
  {
    "name": "Get-Help Start-RtmpStream -Full.describes -Instance as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0093219
  },
  {
    "name": "Get-Help Stop-RtmpIngest -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0080963
  },
  {
    "name": "Get-Help Stop-RtmpIngest -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.00456
  },
  {
    "name": "Get-Help Stop-RtmpIngest -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0084028
  },
  {
    "name": "Get-Help Stop-RtmpIngest -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0089249
  },
  {
    "name": "Get-Help Stop-RtmpIngest -Full.describes -Ingest as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0084804
  },
  {
    "name": "Get-Help Stop-RtmpIngest -Full.describes -All as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0108447
  },
  {
    "name": "Get-Help Stop-RtmpStream -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0081522
  },
  {
    "name": "Get-Help Stop-RtmpStream -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0044432
  },
  {
    "name": "Get-Help Stop-RtmpStream -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0063656
  },
  {
    "name": "Get-Help Stop-RtmpStream -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.0088758
  },
  {
    "name": "Get-Help Stop-RtmpStream -Full.describes -Name as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0089071
  },
  {
    "name": "Get-Help Stop-RtmpStream -Full.describes -ConfigPath as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0088045
  },
  {
    "name": "Get-Help Stop-RtmpStream -Full.describes -Instance as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0088992
  },
  {
    "name": "Get-Help Test-RtmpEndpoint -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0083088
  },
  {
    "name": "Get-Help Test-RtmpEndpoint -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.004846
  },
  {
    "name": "Get-Help Test-RtmpEndpoint -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0085262
  },
  {
    "name": "Get-Help Test-RtmpEndpoint -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.009498
  },
  {
    "name": "Get-Help Test-RtmpEndpoint -Full.describes -Url as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0090277
  },
  {
    "name": "Get-Help Test-RtmpEndpoint -Full.describes -AllowUntrustedCertificate as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0088509
  },
  {
    "name": "Get-Help Test-RtmpEndpoint -Full.describes -Timeout as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.009007
  },
  {
    "name": "Get-Help Uninstall-RtmpInstance -Full.comes from the MAML file, not generated from the syntax",
    "result": "Passed",
    "message": "",
    "seconds": 0.0114157
  },
  {
    "name": "Get-Help Uninstall-RtmpInstance -Full.has a description",
    "result": "Passed",
    "message": "",
    "seconds": 0.0050841
  },
  {
    "name": "Get-Help Uninstall-RtmpInstance -Full.has examples, each with code that runs the command and remarks",
    "result": "Passed",
    "message": "",
    "seconds": 0.0084071
  },
  {
    "name": "Get-Help Uninstall-RtmpInstance -Full.renders every section a user reads",
    "result": "Passed",
    "message": "",
    "seconds": 0.009405
  },
  {
    "name": "Get-Help Uninstall-RtmpInstance -Full.describes -Name as the cmdlet declares it",
    "result": "Passed",
    "message": "",
    "seconds": 0.0090307
  }
]
