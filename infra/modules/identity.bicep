// User-assigned managed identity used by the function app for everything:
// AzureWebJobsStorage, the deployment package container, the app's own
// tables/containers, and Application Insights ingestion (Entra ID auth).
// A user-assigned identity exists before the app, so its roles can be granted
// before the app first starts and pulls its package.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
