// Storage accounts: the main one (data, uploads, generated documents, host state, deployment
// package) with zone redundancy, and a geo-redundant backup account in another region.
param name string
param backupName string
param location string
param backupLocation string
param tags object

var deploymentContainerName = 'app-package'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    // Managed identity only: shared keys and SAS are switched off.
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    // Issued invoices and uploads must survive mistakes: deleted blobs stay recoverable for 30 days.
    deleteRetentionPolicy: { enabled: true, days: 30 }
    containerDeleteRetentionPolicy: { enabled: true, days: 30 }
    isVersioningEnabled: true
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for container in [deploymentContainerName, 'documents', 'uploads', 'mail-pickup']: {
  parent: blobService
  name: container
}]

resource backup 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: backupName
  location: backupLocation
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_GRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource backupBlobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: backup
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

resource backupContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: backupBlobService
  name: 'backups'
}

output name string = storage.name
output backupName string = backup.name
output deploymentContainerName string = deploymentContainerName
output blobServiceUri string = storage.properties.primaryEndpoints.blob
output backupBlobServiceUri string = backup.properties.primaryEndpoints.blob
