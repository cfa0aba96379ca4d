// Storage account for the runtime (AzureWebJobsStorage: timer schedule monitor,
// host locks, keys) and for the pipeline's data (tables + containers).
// Shared-key access is disabled: every caller must use Microsoft Entra ID.

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the account.')
param tags object

@description('Storage redundancy SKU.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param skuName string

@description('When true, the snapshots container allows anonymous read of its blobs (publicAccess Blob); everything else stays private.')
param snapshotsPublicRead bool

@description('Names of the private blob containers to create.')
param privateContainerNames string[]

@description('Name of the snapshots container (public-read only when snapshotsPublicRead is true).')
param snapshotContainerName string

@description('Names of the tables to create.')
param tableNames string[]

@description('Days a deleted blob can be restored (blob soft delete).')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int

@description('Browser origins of the portal, allowed to read the snapshots (GET/HEAD, If-None-Match, ETag exposed); empty = no CORS rule.')
param corsAllowedOrigins string[]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: snapshotsPublicRead
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    dnsEndpointType: 'Standard'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
    // The portal reads the snapshot from another origin: plain GET/HEAD, If-None-Match when the big screen
    // polls latest.json, and the ETag it compares (not a CORS-safelisted response header, so exposed here).
    cors: {
      corsRules: empty(corsAllowedOrigins)
        ? []
        : [
            {
              allowedOrigins: corsAllowedOrigins
              allowedMethods: [
                'GET'
                'HEAD'
              ]
              allowedHeaders: [
                'If-None-Match'
              ]
              exposedHeaders: [
                'ETag'
              ]
              maxAgeInSeconds: 3600
            }
          ]
    }
  }
}

resource privateContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for containerName in privateContainerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource snapshotContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: snapshotContainerName
  properties: {
    publicAccess: snapshotsPublicRead ? 'Blob' : 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output snapshotContainerUrl string = '${storage.properties.primaryEndpoints.blob}${snapshotContainer.name}'
