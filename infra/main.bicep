targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used in resource names and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Primary region of all resources.')
param location string

@description('Region of the backup storage account; must differ from the primary region (for example the paired region).')
param backupLocation string

@description('Entra ID tenant whose tokens the API accepts; empty to skip.')
param entraTenantId string = ''

@description('Application (client) id of the API registration in Entra ID; empty to skip.')
param entraClientId string = ''

@description('Authority host of the Entra External ID tenant, such as https://contoso.ciamlogin.com/; empty to skip.')
param externalIdInstance string = ''

param externalIdTenantId string = ''

param externalIdClientId string = ''

@description('Sender address of e-mails; its domain must be verified in SendGrid.')
param sendGridFromAddress string

@description('Base URL of the Peppol access point API; empty until a provider is chosen.')
param peppolAccessPointBaseUrl string = ''

@description('Page of the web app that accepts invitations.')
param invitationAcceptPageUrl string

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    workspaceName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    backupName: '${abbrs.storageStorageAccounts}bak${resourceToken}'
    location: location
    backupLocation: backupLocation
    tags: tags
  }
}

module serviceBus 'app/servicebus.bicep' = {
  name: 'servicebus'
  scope: resourceGroup
  params: {
    name: '${abbrs.serviceBusNamespaces}${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: resourceGroup
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
  }
}

module functionApp 'app/functionapp.bicep' = {
  name: 'functionapp'
  scope: resourceGroup
  params: {
    name: '${abbrs.webSitesFunctions}${resourceToken}'
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    serviceBusNamespace: serviceBus.outputs.fullyQualifiedNamespace
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    keyVaultUri: keyVault.outputs.uri
    entraTenantId: entraTenantId
    entraClientId: entraClientId
    externalIdInstance: externalIdInstance
    externalIdTenantId: externalIdTenantId
    externalIdClientId: externalIdClientId
    sendGridFromAddress: sendGridFromAddress
    peppolAccessPointBaseUrl: peppolAccessPointBaseUrl
    invitationAcceptPageUrl: invitationAcceptPageUrl
    backupBlobServiceUri: storage.outputs.backupBlobServiceUri
  }
}

module eventGrid 'app/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: resourceGroup
  params: {
    name: '${abbrs.eventGridSystemTopics}${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
  }
}

module roles 'app/roles.bicep' = {
  name: 'roles'
  scope: resourceGroup
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    backupStorageAccountName: storage.outputs.backupName
    serviceBusNamespaceName: serviceBus.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_EVENT_GRID_TOPIC_NAME string = eventGrid.outputs.name
output SERVICE_API_ENDPOINT string = functionApp.outputs.uri
