// Event Grid system topic of the main storage account. The Flex Consumption plan drives blob
// triggers by Event Grid; the subscriptions that point at the app's blob extension endpoint are
// created after deployment (infra/hooks/postdeploy.sh), because the endpoint's system key exists
// only once the app's code is deployed.
param name string
param location string
param tags object
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2024-06-01-preview' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
