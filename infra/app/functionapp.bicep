// The Function app on the Flex Consumption plan, .NET 10 isolated worker, running as the
// user-assigned identity. App settings hold no secrets: connections use the identity, and keys
// come from Key Vault references.
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerName string
param serviceBusNamespace string
param applicationInsightsConnectionString string
param keyVaultUri string
param entraTenantId string
param entraClientId string
param externalIdInstance string
param externalIdTenantId string
param externalIdClientId string
param sendGridFromAddress string
param peppolAccessPointBaseUrl string
param invitationAcceptPageUrl string
param backupBlobServiceUri string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

var blobUri = storage.properties.primaryEndpoints.blob
var queueUri = storage.properties.primaryEndpoints.queue
var tableUri = storage.properties.primaryEndpoints.table

// Identity-based connection settings read by the Functions host (triggers) and by the app.
var connectionSettings = {
  AzureWebJobsStorage__accountName: storage.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  Storage__blobServiceUri: blobUri
  Storage__queueServiceUri: queueUri
  Storage__tableServiceUri: tableUri
  Storage__credential: 'managedidentity'
  Storage__clientId: identityClientId
  ServiceBus__fullyQualifiedNamespace: serviceBusNamespace
  ServiceBus__credential: 'managedidentity'
  ServiceBus__clientId: identityClientId
  Messaging__Transport: 'ServiceBus'
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  AZURE_CLIENT_ID: identityClientId
  Backup__blobServiceUri: backupBlobServiceUri
}

var authenticationSettings = union(
  empty(entraClientId) ? {} : {
    Authentication__Entra__Instance: environment().authentication.loginEndpoint
    Authentication__Entra__TenantId: entraTenantId
    Authentication__Entra__ClientId: entraClientId
  },
  empty(externalIdClientId) ? {} : {
    Authentication__ExternalId__Instance: externalIdInstance
    Authentication__ExternalId__TenantId: externalIdTenantId
    Authentication__ExternalId__ClientId: externalIdClientId
  })

// Secrets are Key Vault references; the vault holds them under these names.
var secretSettings = {
  SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/SendGridApiKey/)'
  PeppolAccessPoint__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/PeppolAccessPointApiKey/)'
  Webhooks__Sources__bank__Secret: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/BankWebhookSecret/)'
  Webhooks__Sources__peppol__Secret: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/PeppolWebhookSecret/)'
}

var featureSettings = {
  SendGrid__FromAddress: sendGridFromAddress
  SendGrid__FromName: 'Bilansoft'
  PeppolAccessPoint__BaseUrl: peppolAccessPointBaseUrl
  Invitations__AcceptPageUrl: invitationAcceptPageUrl
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobUri}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: 100
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(connectionSettings, authenticationSettings, secretSettings, featureSettings)
}

output name string = functionApp.name
output uri string = 'https://${functionApp.properties.defaultHostName}'
