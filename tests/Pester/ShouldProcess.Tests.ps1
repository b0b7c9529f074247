<?xml version="1.0" encoding="utf-8" standalone="no"?>
<test-results xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="nunit_schema_2.5.xsd" name="Pester" total="201" errors="0" failures="0" not-run="0" inconclusive="0" ignored="0" skipped="0" invalid="0" date="2026-12-01" time="21:16:23">
  <environment nunit-version="2.5.8.0" machine-name="vm" cwd="/work/main" platform="Linux" user-domain="" os-version="6.18.44-fc-v669" user="root" clr-version="10.0.12" />
  <culture-info current-culture="" current-uiculture="" />
  <test-suite type="TestFixture" name="Pester" executed="True" result="Success" success="True" time="3.8561" asserts="0" description="Pester">
    <results>
      <test-suite type="TestFixture" name="/work/main/tests/Pester/Help.Tests.ps1" executed="True" result="Success" success="True" time="3.8561" asserts="0" description="/work/main/tests/Pester/Help.Tests.ps1">
        <results>
          <test-suite type="TestFixture" name="Manifest" executed="True" result="Success" success="True" time="0.2065" asserts="0" description="Manifest">
            <results>
              <test-case description="is valid and exports exactly the module's cmdlets" name="Manifest.is valid and exports exactly the module's cmdlets" time="0.1711" asserts="0" success="True" result="Success" executed="True" />
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Get-RtmpIngest -Full" executed="True" result="Success" success="True" time="0.4466" asserts="0" description="Get-Help Get-RtmpIngest -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Get-RtmpIngest -Full.comes from the MAML file, not generated from the syntax" time="0.062" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Get-RtmpIngest -Full.has a description" time="0.0074" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Get-RtmpIngest -Full.has examples, each with code that runs the command and remarks" time="0.0202" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Get-RtmpIngest -Full.renders every section a user reads" time="0.0098" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0295" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Ingest as the cmdlet declares it" name="Get-Help Get-RtmpIngest -Full.describes -Ingest as the cmdlet declares it" time="0.0216" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Api as the cmdlet declares it" name="Get-Help Get-RtmpIngest -Full.describes -Api as the cmdlet declares it" time="0.0079" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Get-RtmpInstance -Full" executed="True" result="Success" success="True" time="0.51" asserts="0" description="Get-Help Get-RtmpInstance -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Get-RtmpInstance -Full.comes from the MAML file, not generated from the syntax" time="0.0143" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Get-RtmpInstance -Full.has a description" time="0.0043" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Get-RtmpInstance -Full.has examples, each with code that runs the command and remarks" time="0.0067" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Get-RtmpInstance -Full.renders every section a user reads" time="0.0082" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0078" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Name as the cmdlet declares it" name="Get-Help Get-RtmpInstance -Full.describes -Name as the cmdlet declares it" time="0.0078" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Get-RtmpInstanceCertificate -Full" executed="True" result="Success" success="True" time="0.6025" asserts="0" description="Get-Help Get-RtmpInstanceCertificate -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Get-RtmpInstanceCertificate -Full.comes from the MAML file, not generated from the syntax" time="0.0069" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Get-RtmpInstanceCertificate -Full.has a description" time="0.0038" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Get-RtmpInstanceCertificate -Full.has examples, each with code that runs the command and remarks" time="0.0065" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Get-RtmpInstanceCertificate -Full.renders every section a user reads" time="0.0323" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0137" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Instance as the cmdlet declares it" name="Get-Help Get-RtmpInstanceCertificate -Full.describes -Instance as the cmdlet declares it" time="0.0137" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Get-RtmpPath -Full" executed="True" result="Success" success="True" time="0.8321" asserts="0" description="Get-Help Get-RtmpPath -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Get-RtmpPath -Full.comes from the MAML file, not generated from the syntax" time="0.0155" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Get-RtmpPath -Full.has a description" time="0.0402" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Get-RtmpPath -Full.has examples, each with code that runs the command and remarks" time="0.0168" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Get-RtmpPath -Full.renders every section a user reads" time="0.024" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0562" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Instance as the cmdlet declares it" name="Get-Help Get-RtmpPath -Full.describes -Instance as the cmdlet declares it" time="0.0233" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Path as the cmdlet declares it" name="Get-Help Get-RtmpPath -Full.describes -Path as the cmdlet declares it" time="0.0329" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Get-RtmpStream -Full" executed="True" result="Success" success="True" time="0.9705" asserts="0" description="Get-Help Get-RtmpStream -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Get-RtmpStream -Full.comes from the MAML file, not generated from the syntax" time="0.0085" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Get-RtmpStream -Full.has a description" time="0.0048" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Get-RtmpStream -Full.has examples, each with code that runs the command and remarks" time="0.0083" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Get-RtmpStream -Full.renders every section a user reads" time="0.0091" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0741" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Name as the cmdlet declares it" name="Get-Help Get-RtmpStream -Full.describes -Name as the cmdlet declares it" time="0.0091" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Api as the cmdlet declares it" name="Get-Help Get-RtmpStream -Full.describes -Api as the cmdlet declares it" time="0.0093" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -NoStatus as the cmdlet declares it" name="Get-Help Get-RtmpStream -Full.describes -NoStatus as the cmdlet declares it" time="0.0272" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -ConfigPath as the cmdlet declares it" name="Get-Help Get-RtmpStream -Full.describes -ConfigPath as the cmdlet declares it" time="0.0174" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Instance as the cmdlet declares it" name="Get-Help Get-RtmpStream -Full.describes -Instance as the cmdlet declares it" time="0.0112" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Get-RtmpStreamLog -Full" executed="True" result="Success" success="True" time="1.0633" asserts="0" description="Get-Help Get-RtmpStreamLog -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Get-RtmpStreamLog -Full.comes from the MAML file, not generated from the syntax" time="0.0084" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Get-RtmpStreamLog -Full.has a description" time="0.0047" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Get-RtmpStreamLog -Full.has examples, each with code that runs the command and remarks" time="0.0081" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Get-RtmpStreamLog -Full.renders every section a user reads" time="0.0088" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.039" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Name as the cmdlet declares it" name="Get-Help Get-RtmpStreamLog -Full.describes -Name as the cmdlet declares it" time="0.0127" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Tail as the cmdlet declares it" name="Get-Help Get-RtmpStreamLog -Full.describes -Tail as the cmdlet declares it" time="0.0086" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Wait as the cmdlet declares it" name="Get-Help Get-RtmpStreamLog -Full.describes -Wait as the cmdlet declares it" time="0.0086" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Api as the cmdlet declares it" name="Get-Help Get-RtmpStreamLog -Full.describes -Api as the cmdlet declares it" time="0.0091" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Install-RtmpInstance -Full" executed="True" result="Success" success="True" time="1.3051" asserts="0" description="Get-Help Install-RtmpInstance -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Install-RtmpInstance -Full.comes from the MAML file, not generated from the syntax" time="0.0182" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Install-RtmpInstance -Full.has a description" time="0.0098" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Install-RtmpInstance -Full.has examples, each with code that runs the command and remarks" time="0.0226" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Install-RtmpInstance -Full.renders every section a user reads" time="0.029" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.1363" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Name as the cmdlet declares it" name="Get-Help Install-RtmpInstance -Full.describes -Name as the cmdlet declares it" time="0.0227" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Package as the cmdlet declares it" name="Get-Help Install-RtmpInstance -Full.describes -Package as the cmdlet declares it" time="0.0212" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Root as the cmdlet declares it" name="Get-Help Install-RtmpInstance -Full.describes -Root as the cmdlet declares it" time="0.0228" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Stopped as the cmdlet declares it" name="Get-Help Install-RtmpInstance -Full.describes -Stopped as the cmdlet declares it" time="0.0213" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Rtmp as the cmdlet declares it" name="Get-Help Install-RtmpInstance -Full.describes -Rtmp as the cmdlet declares it" time="0.0089" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Rtmps as the cmdlet declares it" name="Get-Help Install-RtmpInstance -Full.describes -Rtmps as the cmdlet declares it" time="0.0086" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Api as the cmdlet declares it" name="Get-Help Install-RtmpInstance -Full.describes -Api as the cmdlet declares it" time="0.0139" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Service as the cmdlet declares it" name="Get-Help Install-RtmpInstance -Full.describes -Service as the cmdlet declares it" time="0.0084" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Config as the cmdlet declares it" name="Get-Help Install-RtmpInstance -Full.describes -Config as the cmdlet declares it" time="0.0085" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help New-RtmpCertificate -Full" executed="True" result="Success" success="True" time="1.4068" asserts="0" description="Get-Help New-RtmpCertificate -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help New-RtmpCertificate -Full.comes from the MAML file, not generated from the syntax" time="0.0075" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help New-RtmpCertificate -Full.has a description" time="0.0041" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help New-RtmpCertificate -Full.has examples, each with code that runs the command and remarks" time="0.0055" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help New-RtmpCertificate -Full.renders every section a user reads" time="0.0081" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0511" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Path as the cmdlet declares it" name="Get-Help New-RtmpCertificate -Full.describes -Path as the cmdlet declares it" time="0.0079" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -DnsName as the cmdlet declares it" name="Get-Help New-RtmpCertificate -Full.describes -DnsName as the cmdlet declares it" time="0.011" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -IPAddress as the cmdlet declares it" name="Get-Help New-RtmpCertificate -Full.describes -IPAddress as the cmdlet declares it" time="0.008" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Password as the cmdlet declares it" name="Get-Help New-RtmpCertificate -Full.describes -Password as the cmdlet declares it" time="0.008" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -ValidDays as the cmdlet declares it" name="Get-Help New-RtmpCertificate -Full.describes -ValidDays as the cmdlet declares it" time="0.008" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Force as the cmdlet declares it" name="Get-Help New-RtmpCertificate -Full.describes -Force as the cmdlet declares it" time="0.0081" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help New-RtmpPublishToken -Full" executed="True" result="Success" success="True" time="1.497" asserts="0" description="Get-Help New-RtmpPublishToken -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help New-RtmpPublishToken -Full.comes from the MAML file, not generated from the syntax" time="0.0075" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help New-RtmpPublishToken -Full.has a description" time="0.0043" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help New-RtmpPublishToken -Full.has examples, each with code that runs the command and remarks" time="0.0059" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help New-RtmpPublishToken -Full.renders every section a user reads" time="0.0169" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0319" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Path as the cmdlet declares it" name="Get-Help New-RtmpPublishToken -Full.describes -Path as the cmdlet declares it" time="0.0083" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -BaseUrl as the cmdlet declares it" name="Get-Help New-RtmpPublishToken -Full.describes -BaseUrl as the cmdlet declares it" time="0.0079" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Secret as the cmdlet declares it" name="Get-Help New-RtmpPublishToken -Full.describes -Secret as the cmdlet declares it" time="0.0078" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Ttl as the cmdlet declares it" name="Get-Help New-RtmpPublishToken -Full.describes -Ttl as the cmdlet declares it" time="0.0079" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help New-RtmpStream -Full" executed="True" result="Success" success="True" time="1.6661" asserts="0" description="Get-Help New-RtmpStream -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help New-RtmpStream -Full.comes from the MAML file, not generated from the syntax" time="0.0089" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help New-RtmpStream -Full.has a description" time="0.0051" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help New-RtmpStream -Full.has examples, each with code that runs the command and remarks" time="0.0109" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help New-RtmpStream -Full.renders every section a user reads" time="0.0082" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.1087" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Name as the cmdlet declares it" name="Get-Help New-RtmpStream -Full.describes -Name as the cmdlet declares it" time="0.0084" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Source as the cmdlet declares it" name="Get-Help New-RtmpStream -Full.describes -Source as the cmdlet declares it" time="0.0115" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -CameraId as the cmdlet declares it" name="Get-Help New-RtmpStream -Full.describes -CameraId as the cmdlet declares it" time="0.0086" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Destination as the cmdlet declares it" name="Get-Help New-RtmpStream -Full.describes -Destination as the cmdlet declares it" time="0.0085" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -StreamKey as the cmdlet declares it" name="Get-Help New-RtmpStream -Full.describes -StreamKey as the cmdlet declares it" time="0.0086" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -DestinationUrl as the cmdlet declares it" name="Get-Help New-RtmpStream -Full.describes -DestinationUrl as the cmdlet declares it" time="0.0086" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -AllowUntrustedCertificate as the cmdlet declares it" name="Get-Help New-RtmpStream -Full.describes -AllowUntrustedCertificate as the cmdlet declares it" time="0.0114" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Audio as the cmdlet declares it" name="Get-Help New-RtmpStream -Full.describes -Audio as the cmdlet declares it" time="0.0083" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Video as the cmdlet declares it" name="Get-Help New-RtmpStream -Full.describes -Video as the cmdlet declares it" time="0.0084" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Disabled as the cmdlet declares it" name="Get-Help New-RtmpStream -Full.describes -Disabled as the cmdlet declares it" time="0.0083" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -ConfigPath as the cmdlet declares it" name="Get-Help New-RtmpStream -Full.describes -ConfigPath as the cmdlet declares it" time="0.0091" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Instance as the cmdlet declares it" name="Get-Help New-RtmpStream -Full.describes -Instance as the cmdlet declares it" time="0.0092" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Remove-RtmpInstanceCertificate -Full" executed="True" result="Success" success="True" time="1.733" asserts="0" description="Get-Help Remove-RtmpInstanceCertificate -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Remove-RtmpInstanceCertificate -Full.comes from the MAML file, not generated from the syntax" time="0.0081" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Remove-RtmpInstanceCertificate -Full.has a description" time="0.0077" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Remove-RtmpInstanceCertificate -Full.has examples, each with code that runs the command and remarks" time="0.0083" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Remove-RtmpInstanceCertificate -Full.renders every section a user reads" time="0.0087" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0085" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Instance as the cmdlet declares it" name="Get-Help Remove-RtmpInstanceCertificate -Full.describes -Instance as the cmdlet declares it" time="0.0085" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Remove-RtmpPath -Full" executed="True" result="Success" success="True" time="1.804" asserts="0" description="Get-Help Remove-RtmpPath -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Remove-RtmpPath -Full.comes from the MAML file, not generated from the syntax" time="0.008" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Remove-RtmpPath -Full.has a description" time="0.0043" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Remove-RtmpPath -Full.has examples, each with code that runs the command and remarks" time="0.0061" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Remove-RtmpPath -Full.renders every section a user reads" time="0.0086" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0196" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Instance as the cmdlet declares it" name="Get-Help Remove-RtmpPath -Full.describes -Instance as the cmdlet declares it" time="0.0084" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Path as the cmdlet declares it" name="Get-Help Remove-RtmpPath -Full.describes -Path as the cmdlet declares it" time="0.0112" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Remove-RtmpStream -Full" executed="True" result="Success" success="True" time="1.8869" asserts="0" description="Get-Help Remove-RtmpStream -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Remove-RtmpStream -Full.comes from the MAML file, not generated from the syntax" time="0.0082" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Remove-RtmpStream -Full.has a description" time="0.0047" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Remove-RtmpStream -Full.has examples, each with code that runs the command and remarks" time="0.0082" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Remove-RtmpStream -Full.renders every section a user reads" time="0.0088" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0263" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Name as the cmdlet declares it" name="Get-Help Remove-RtmpStream -Full.describes -Name as the cmdlet declares it" time="0.0086" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -ConfigPath as the cmdlet declares it" name="Get-Help Remove-RtmpStream -Full.describes -ConfigPath as the cmdlet declares it" time="0.009" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Instance as the cmdlet declares it" name="Get-Help Remove-RtmpStream -Full.describes -Instance as the cmdlet declares it" time="0.0086" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Set-RtmpInstance -Full" executed="True" result="Success" success="True" time="2.0303" asserts="0" description="Get-Help Set-RtmpInstance -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Set-RtmpInstance -Full.comes from the MAML file, not generated from the syntax" time="0.0083" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Set-RtmpInstance -Full.has a description" time="0.0043" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Set-RtmpInstance -Full.has examples, each with code that runs the command and remarks" time="0.0081" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Set-RtmpInstance -Full.renders every section a user reads" time="0.0091" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0766" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Name as the cmdlet declares it" name="Get-Help Set-RtmpInstance -Full.describes -Name as the cmdlet declares it" time="0.0089" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Package as the cmdlet declares it" name="Get-Help Set-RtmpInstance -Full.describes -Package as the cmdlet declares it" time="0.0088" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -State as the cmdlet declares it" name="Get-Help Set-RtmpInstance -Full.describes -State as the cmdlet declares it" time="0.0086" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Rtmp as the cmdlet declares it" name="Get-Help Set-RtmpInstance -Full.describes -Rtmp as the cmdlet declares it" time="0.0111" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Rtmps as the cmdlet declares it" name="Get-Help Set-RtmpInstance -Full.describes -Rtmps as the cmdlet declares it" time="0.0088" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Api as the cmdlet declares it" name="Get-Help Set-RtmpInstance -Full.describes -Api as the cmdlet declares it" time="0.0088" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Service as the cmdlet declares it" name="Get-Help Set-RtmpInstance -Full.describes -Service as the cmdlet declares it" time="0.0089" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Config as the cmdlet declares it" name="Get-Help Set-RtmpInstance -Full.describes -Config as the cmdlet declares it" time="0.0127" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Set-RtmpInstanceCertificate -Full" executed="True" result="Success" success="True" time="2.1737" asserts="0" description="Get-Help Set-RtmpInstanceCertificate -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Set-RtmpInstanceCertificate -Full.comes from the MAML file, not generated from the syntax" time="0.0092" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Set-RtmpInstanceCertificate -Full.has a description" time="0.0047" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Set-RtmpInstanceCertificate -Full.has examples, each with code that runs the command and remarks" time="0.0082" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Set-RtmpInstanceCertificate -Full.renders every section a user reads" time="0.0111" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0725" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Instance as the cmdlet declares it" name="Get-Help Set-RtmpInstanceCertificate -Full.describes -Instance as the cmdlet declares it" time="0.009" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -DnsName as the cmdlet declares it" name="Get-Help Set-RtmpInstanceCertificate -Full.describes -DnsName as the cmdlet declares it" time="0.0088" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -IPAddress as the cmdlet declares it" name="Get-Help Set-RtmpInstanceCertificate -Full.describes -IPAddress as the cmdlet declares it" time="0.0088" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -ValidDays as the cmdlet declares it" name="Get-Help Set-RtmpInstanceCertificate -Full.describes -ValidDays as the cmdlet declares it" time="0.0088" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -RenewDaysBefore as the cmdlet declares it" name="Get-Help Set-RtmpInstanceCertificate -Full.describes -RenewDaysBefore as the cmdlet declares it" time="0.0086" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -PfxPath as the cmdlet declares it" name="Get-Help Set-RtmpInstanceCertificate -Full.describes -PfxPath as the cmdlet declares it" time="0.0087" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Password as the cmdlet declares it" name="Get-Help Set-RtmpInstanceCertificate -Full.describes -Password as the cmdlet declares it" time="0.0089" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Store as the cmdlet declares it" name="Get-Help Set-RtmpInstanceCertificate -Full.describes -Store as the cmdlet declares it" time="0.0109" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Set-RtmpPath -Full" executed="True" result="Success" success="True" time="2.3009" asserts="0" description="Get-Help Set-RtmpPath -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Set-RtmpPath -Full.comes from the MAML file, not generated from the syntax" time="0.0083" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Set-RtmpPath -Full.has a description" time="0.0044" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Set-RtmpPath -Full.has examples, each with code that runs the command and remarks" time="0.0079" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Set-RtmpPath -Full.renders every section a user reads" time="0.0095" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0706" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Instance as the cmdlet declares it" name="Get-Help Set-RtmpPath -Full.describes -Instance as the cmdlet declares it" time="0.0088" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Path as the cmdlet declares it" name="Get-Help Set-RtmpPath -Full.describes -Path as the cmdlet declares it" time="0.0087" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -PublishKey as the cmdlet declares it" name="Get-Help Set-RtmpPath -Full.describes -PublishKey as the cmdlet declares it" time="0.013" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -PlayKey as the cmdlet declares it" name="Get-Help Set-RtmpPath -Full.describes -PlayKey as the cmdlet declares it" time="0.0096" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Publisher as the cmdlet declares it" name="Get-Help Set-RtmpPath -Full.describes -Publisher as the cmdlet declares it" time="0.0154" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Record as the cmdlet declares it" name="Get-Help Set-RtmpPath -Full.describes -Record as the cmdlet declares it" time="0.015" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Set-RtmpStream -Full" executed="True" result="Success" success="True" time="2.4609" asserts="0" description="Get-Help Set-RtmpStream -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Set-RtmpStream -Full.comes from the MAML file, not generated from the syntax" time="0.008" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Set-RtmpStream -Full.has a description" time="0.0045" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Set-RtmpStream -Full.has examples, each with code that runs the command and remarks" time="0.008" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Set-RtmpStream -Full.renders every section a user reads" time="0.0091" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0982" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Name as the cmdlet declares it" name="Get-Help Set-RtmpStream -Full.describes -Name as the cmdlet declares it" time="0.0119" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Source as the cmdlet declares it" name="Get-Help Set-RtmpStream -Full.describes -Source as the cmdlet declares it" time="0.009" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Destination as the cmdlet declares it" name="Get-Help Set-RtmpStream -Full.describes -Destination as the cmdlet declares it" time="0.0087" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -StreamKey as the cmdlet declares it" name="Get-Help Set-RtmpStream -Full.describes -StreamKey as the cmdlet declares it" time="0.0086" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -DestinationUrl as the cmdlet declares it" name="Get-Help Set-RtmpStream -Full.describes -DestinationUrl as the cmdlet declares it" time="0.0094" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -AllowUntrustedCertificate as the cmdlet declares it" name="Get-Help Set-RtmpStream -Full.describes -AllowUntrustedCertificate as the cmdlet declares it" time="0.0132" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Audio as the cmdlet declares it" name="Get-Help Set-RtmpStream -Full.describes -Audio as the cmdlet declares it" time="0.0087" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Video as the cmdlet declares it" name="Get-Help Set-RtmpStream -Full.describes -Video as the cmdlet declares it" time="0.0098" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -ConfigPath as the cmdlet declares it" name="Get-Help Set-RtmpStream -Full.describes -ConfigPath as the cmdlet declares it" time="0.0096" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Instance as the cmdlet declares it" name="Get-Help Set-RtmpStream -Full.describes -Instance as the cmdlet declares it" time="0.0094" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Start-RtmpIngest -Full" executed="True" result="Success" success="True" time="2.6665" asserts="0" description="Get-Help Start-RtmpIngest -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Start-RtmpIngest -Full.comes from the MAML file, not generated from the syntax" time="0.0081" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Start-RtmpIngest -Full.has a description" time="0.0045" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Start-RtmpIngest -Full.has examples, each with code that runs the command and remarks" time="0.0085" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Start-RtmpIngest -Full.renders every section a user reads" time="0.0092" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.1453" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Port as the cmdlet declares it" name="Get-Help Start-RtmpIngest -Full.describes -Port as the cmdlet declares it" time="0.0088" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Address as the cmdlet declares it" name="Get-Help Start-RtmpIngest -Full.describes -Address as the cmdlet declares it" time="0.0117" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -TlsPort as the cmdlet declares it" name="Get-Help Start-RtmpIngest -Full.describes -TlsPort as the cmdlet declares it" time="0.0089" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Certificate as the cmdlet declares it" name="Get-Help Start-RtmpIngest -Full.describes -Certificate as the cmdlet declares it" time="0.0091" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -CertificatePath as the cmdlet declares it" name="Get-Help Start-RtmpIngest -Full.describes -CertificatePath as the cmdlet declares it" time="0.009" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -CertificatePassword as the cmdlet declares it" name="Get-Help Start-RtmpIngest -Full.describes -CertificatePassword as the cmdlet declares it" time="0.0088" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Path as the cmdlet declares it" name="Get-Help Start-RtmpIngest -Full.describes -Path as the cmdlet declares it" time="0.0134" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -PublishKey as the cmdlet declares it" name="Get-Help Start-RtmpIngest -Full.describes -PublishKey as the cmdlet declares it" time="0.0147" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Credential as the cmdlet declares it" name="Get-Help Start-RtmpIngest -Full.describes -Credential as the cmdlet declares it" time="0.0148" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -MaxConnections as the cmdlet declares it" name="Get-Help Start-RtmpIngest -Full.describes -MaxConnections as the cmdlet declares it" time="0.0174" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -ConfigPath as the cmdlet declares it" name="Get-Help Start-RtmpIngest -Full.describes -ConfigPath as the cmdlet declares it" time="0.0139" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -RecordDirectory as the cmdlet declares it" name="Get-Help Start-RtmpIngest -Full.describes -RecordDirectory as the cmdlet declares it" time="0.0148" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Start-RtmpStream -Full" executed="True" result="Success" success="True" time="2.7545" asserts="0" description="Get-Help Start-RtmpStream -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Start-RtmpStream -Full.comes from the MAML file, not generated from the syntax" time="0.0085" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Start-RtmpStream -Full.has a description" time="0.0042" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Start-RtmpStream -Full.has examples, each with code that runs the command and remarks" time="0.0066" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Start-RtmpStream -Full.renders every section a user reads" time="0.0098" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0306" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Name as the cmdlet declares it" name="Get-Help Start-RtmpStream -Full.describes -Name as the cmdlet declares it" time="0.0093" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -ConfigPath as the cmdlet declares it" name="Get-Help Start-RtmpStream -Full.describes -ConfigPath as the cmdlet declares it" time="0.012" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Instance as the cmdlet declares it" name="Get-Help Start-RtmpStream -Full.describes -Instance as the cmdlet declares it" time="0.0093" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Stop-RtmpIngest -Full" executed="True" result="Success" success="True" time="2.8281" asserts="0" description="Get-Help Stop-RtmpIngest -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Stop-RtmpIngest -Full.comes from the MAML file, not generated from the syntax" time="0.0081" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Stop-RtmpIngest -Full.has a description" time="0.0046" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Stop-RtmpIngest -Full.has examples, each with code that runs the command and remarks" time="0.0084" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Stop-RtmpIngest -Full.renders every section a user reads" time="0.0089" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0193" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Ingest as the cmdlet declares it" name="Get-Help Stop-RtmpIngest -Full.describes -Ingest as the cmdlet declares it" time="0.0085" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -All as the cmdlet declares it" name="Get-Help Stop-RtmpIngest -Full.describes -All as the cmdlet declares it" time="0.0108" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Stop-RtmpStream -Full" executed="True" result="Success" success="True" time="2.9067" asserts="0" description="Get-Help Stop-RtmpStream -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Stop-RtmpStream -Full.comes from the MAML file, not generated from the syntax" time="0.0082" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Stop-RtmpStream -Full.has a description" time="0.0044" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Stop-RtmpStream -Full.has examples, each with code that runs the command and remarks" time="0.0064" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Stop-RtmpStream -Full.renders every section a user reads" time="0.0089" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0266" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Name as the cmdlet declares it" name="Get-Help Stop-RtmpStream -Full.describes -Name as the cmdlet declares it" time="0.0089" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -ConfigPath as the cmdlet declares it" name="Get-Help Stop-RtmpStream -Full.describes -ConfigPath as the cmdlet declares it" time="0.0088" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Instance as the cmdlet declares it" name="Get-Help Stop-RtmpStream -Full.describes -Instance as the cmdlet declares it" time="0.0089" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Test-RtmpEndpoint -Full" executed="True" result="Success" success="True" time="2.9899" asserts="0" description="Get-Help Test-RtmpEndpoint -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Test-RtmpEndpoint -Full.comes from the MAML file, not generated from the syntax" time="0.0083" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Test-RtmpEndpoint -Full.has a description" time="0.0048" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Test-RtmpEndpoint -Full.has examples, each with code that runs the command and remarks" time="0.0085" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Test-RtmpEndpoint -Full.renders every section a user reads" time="0.0095" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.0269" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Url as the cmdlet declares it" name="Get-Help Test-RtmpEndpoint -Full.describes -Url as the cmdlet declares it" time="0.009" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -AllowUntrustedCertificate as the cmdlet declares it" name="Get-Help Test-RtmpEndpoint -Full.describes -AllowUntrustedCertificate as the cmdlet declares it" time="0.0089" asserts="0" success="True" result="Success" executed="True" />
                  <test-case description="describes -Timeout as the cmdlet declares it" name="Get-Help Test-RtmpEndpoint -Full.describes -Timeout as the cmdlet declares it" time="0.009" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
          <test-suite type="TestFixture" name="Get-Help Uninstall-RtmpInstance -Full" executed="True" result="Success" success="True" time="3.0615" asserts="0" description="Get-Help Uninstall-RtmpInstance -Full">
            <results>
              <test-case description="comes from the MAML file, not generated from the syntax" name="Get-Help Uninstall-RtmpInstance -Full.comes from the MAML file, not generated from the syntax" time="0.0114" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has a description" name="Get-Help Uninstall-RtmpInstance -Full.has a description" time="0.0051" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="has examples, each with code that runs the command and remarks" name="Get-Help Uninstall-RtmpInstance -Full.has examples, each with code that runs the command and remarks" time="0.0084" asserts="0" success="True" result="Success" executed="True" />
              <test-case description="renders every section a user reads" name="Get-Help Uninstall-RtmpInstance -Full.renders every section a user reads" time="0.0094" asserts="0" success="True" result="Success" executed="True" />
              <test-suite type="ParameterizedTest" name="Get-Help &lt;Name&gt; -Full.describes -&lt;Parameter&gt; as the cmdlet declares it" executed="True" result="Success" success="True" time="0.009" asserts="0" description="describes -&lt;Parameter&gt; as the cmdlet declares it">
                <results>
                  <test-case description="describes -Name as the cmdlet declares it" name="Get-Help Uninstall-RtmpInstance -Full.describes -Name as the cmdlet declares it" time="0.009" asserts="0" success="True" result="Success" executed="True" />
                </results>
              </test-suite>
            </results>
          </test-suite>
        </results>
      </test-suite>
    </results>
  </test-suite>
</test-results>