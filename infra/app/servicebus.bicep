// Service Bus namespace with one queue per workflow step. Duplicate detection drops a message id
// sent twice within ten minutes; after 10 failed deliveries a message moves to the dead-letter queue.
param name string
param location string
param tags object

@description('Queues of the workflow steps; every Service Bus trigger of the app must listen to one of them.')
param queueNames array = [
  'invoice-issued'
  'credit-note-issued'
  'documents-rendered'
  'payment-registered'
  'bank-statement-imported'
]

resource namespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    // Managed identity only.
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource queues 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' = [for queueName in queueNames: {
  parent: namespace
  name: queueName
  properties: {
    maxDeliveryCount: 10
    lockDuration: 'PT5M'
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT10M'
    deadLetteringOnMessageExpiration: true
    defaultMessageTimeToLive: 'P14D'
  }
}]

output name string = namespace.name
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
