// FunctionsZone — Azure infrastructure (issue 7).
//
// Subscription-scoped so `azd up` (and `az deployment sub create`) creates the
// resource group too. Everything else lives in that group:
//   - user-assigned managed identity (the app's only credential)
//   - storage account: AzureWebJobsStorage + tables + containers + deployment package
//   - Log Analytics workspace + Application Insights (Entra ID ingestion only)
//   - Flex Consumption (FC1) plan + Linux function app, .NET 10 isolated
//   - least-privilege role assignments for the identity
//   - the portal (web/dist) on a Free Static Web App, unless portalHosting is 'none'; its origin is
//     allowed by the blob service's CORS rule (snapshot reads) and by the Function App's CORS list
// No account keys, no key-listing functions, no connection strings with keys, no secrets.

targetScope = 'subscription'

// ---------------------------------------------------------------- environment

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; seeds the unique suffix of every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for all resources. Must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group name; empty = rg-<environmentName>.')
param resourceGroupName string = ''

// ---------------------------------------------------------------- hosting

@description('Flex Consumption instance memory in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Maximum instances the app may scale out to (a cost ceiling).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Always-ready instances (billed even when idle). Empty = scale to zero. Example: [{ name: \'http\', instanceCount: 1 }].')
param alwaysReady object[] = []

// ---------------------------------------------------------------- storage

@description('Storage redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param storageSkuName string = 'Standard_LRS'

@description('When true, the snapshots container allows anonymous read of its blobs (allowBlobPublicAccess true, publicAccess Blob). Default: private.')
param snapshotsPublicRead bool = false

@description('Days a deleted or overwritten blob can be restored.')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int = 7

// ---------------------------------------------------------------- monitoring

@description('Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Daily Log Analytics ingestion cap in GB (-1 = no cap).')
@minValue(-1)
param logDailyQuotaGb int = 1

// ------------------------------------------- app settings (local.settings.sample.json)

@description('PipelineSchedule: NCRONTAB (6 fields, UTC) of the ingest timer.')
param pipelineSchedule string = '0 30 6 * * *'

@description('FunctionsZone__TablePrefix: prefix of every table name.')
@minLength(1)
@maxLength(40)
param tablePrefix string = 'fz'

@description('FunctionsZone__IncomingContainer: where new monthly files are dropped.')
@minLength(3)
@maxLength(63)
param incomingContainer string = 'incoming'

@description('FunctionsZone__ArchiveContainer: where processed files are moved.')
@minLength(3)
@maxLength(63)
param archiveContainer string = 'archive'

@description('FunctionsZone__RejectedContainer: where files that fail validation are moved.')
@minLength(3)
@maxLength(63)
param rejectedContainer string = 'rejected'

@description('FunctionsZone__SnapshotContainer: where JSON snapshots are published.')
@minLength(3)
@maxLength(63)
param snapshotContainer string = 'snapshots'

@description('FunctionsZone__ResultsContainer: where recompute stages its results per period.')
@minLength(3)
@maxLength(63)
param resultsContainer string = 'results'

@description('FunctionsZone__ImportsContainer: where full import summaries are kept.')
@minLength(3)
@maxLength(63)
param importsContainer string = 'imports'

@description('FunctionsZone__SnapshotRetention: how many snapshots to keep.')
@minValue(1)
param snapshotRetention int = 5

@description('FunctionsZone__MaxFileBytes: largest accepted input file, in bytes.')
@minValue(1)
param maxFileBytes int = 20971520

@description('FunctionsZone__MaxRows: largest accepted number of rows per file.')
@minValue(1)
param maxRows int = 200000

@description('FunctionsZone__CorsOrigins: comma-separated origins browsers may call the API from; also the function app\'s CORS list (siteConfig.cors).')
param corsOrigins string = 'http://localhost:3000'

@description('FunctionsZone__WriteParallelism: table partitions and batches written at once (docs/performance.md).')
@minValue(1)
param writeParallelism int = 16

@description('FunctionsZone__LatestCacheSeconds: how long the read API may reuse latest.json (0 = read it every time).')
@minValue(0)
param latestCacheSeconds int = 0

@description('FunctionsZone__Targets__OnTrack: progress ratio from which a target is on track (SDG method).')
param targetsOnTrack string = '0.95'

@description('FunctionsZone__Targets__Accelerate: progress ratio below which a target is at risk.')
param targetsAccelerate string = '0.6'

// ---------------------------------------------------------------- portal

@description('Where the portal (web/dist) is hosted: staticWebApp = a Free Static Web App created here; none = no portal resource (host web/dist elsewhere and name its origin in portalOrigin).')
@allowed([
  'staticWebApp'
  'none'
])
param portalHosting string = 'staticWebApp'

@description('Region of the Static Web App; the service is offered in these regions only.')
@allowed([
  'eastasia'
  'westeurope'
  'westus2'
  'centralus'
  'eastus2'
])
param portalLocation string = 'eastasia'

@description('Origin of a portal hosted elsewhere (a zone\'s own site, a CDN), e.g. https://zone.example.org; empty = none. Allowed beside the Static Web App by the blob CORS rule and the Function App\'s CORS list.')
param portalOrigin string = ''

// ---------------------------------------------------------------- names

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'FunctionsZone'
}
var functionAppName = 'func-fz-${resourceToken}'
var identityName = 'id-fz-${resourceToken}'
var storageAccountName = 'stfz${resourceToken}'
var applicationInsightsName = 'appi-fz-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'
var staticWebAppName = 'stapp-fz-${resourceToken}'
var tableNames = [
  '${tablePrefix}Observations'
  '${tablePrefix}Targets'
  '${tablePrefix}Imports'
  '${tablePrefix}History'
  '${tablePrefix}OfficialRanks'
  '${tablePrefix}Registry'
  '${tablePrefix}Periods'
]

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-fz-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
    dailyQuotaGb: logDailyQuotaGb
  }
}

module portal 'modules/portal.bicep' = if (portalHosting == 'staticWebApp') {
  name: 'portal'
  scope: rg
  params: {
    name: staticWebAppName
    location: portalLocation
    tags: tags
  }
}

// The browser origins of the portal: the Static Web App's (known once it exists) and portalOrigin. One list
// for the blob CORS rule and the Function App's CORS, so the two cannot disagree.
var portalOrigins = concat(
  portalHosting == 'staticWebApp' ? [portal!.outputs.origin] : [],
  empty(trim(portalOrigin)) ? [] : [trim(portalOrigin)]
)
var apiOrigins = union(filter(map(split(corsOrigins, ','), origin => trim(origin)), origin => !empty(origin)), portalOrigins)

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    skuName: storageSkuName
    snapshotsPublicRead: snapshotsPublicRead
    privateContainerNames: [
      incomingContainer
      archiveContainer
      rejectedContainer
      resultsContainer
      importsContainer
      deploymentContainerName
    ]
    snapshotContainerName: snapshotContainer
    tableNames: tableNames
    blobSoftDeleteDays: blobSoftDeleteDays
    corsAllowedOrigins: portalOrigins
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storageAccountName
    applicationInsightsName: applicationInsightsName
    identityName: identityName
  }
  // Names are passed as compile-time values (better what-if), so the
  // dependencies on the modules that create these resources are explicit.
  dependsOn: [
    identity
    storage
    monitoring
  ]
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    planName: 'plan-fz-${resourceToken}'
    appName: functionAppName
    location: location
    tags: tags
    azdServiceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReady: alwaysReady
    corsAllowedOrigins: apiOrigins
    appSettings: {
      PipelineSchedule: pipelineSchedule
      FunctionsZone__TablePrefix: tablePrefix
      FunctionsZone__IncomingContainer: incomingContainer
      FunctionsZone__ArchiveContainer: archiveContainer
      FunctionsZone__RejectedContainer: rejectedContainer
      FunctionsZone__SnapshotContainer: snapshotContainer
      FunctionsZone__ResultsContainer: resultsContainer
      FunctionsZone__ImportsContainer: importsContainer
      FunctionsZone__SnapshotRetention: string(snapshotRetention)
      FunctionsZone__MaxFileBytes: string(maxFileBytes)
      FunctionsZone__MaxRows: string(maxRows)
      FunctionsZone__CorsOrigins: join(apiOrigins, ',')
      FunctionsZone__WriteParallelism: string(writeParallelism)
      FunctionsZone__LatestCacheSeconds: string(latestCacheSeconds)
      FunctionsZone__Targets__OnTrack: targetsOnTrack
      FunctionsZone__Targets__Accelerate: targetsAccelerate
    }
  }
  // The identity must hold its roles before the app starts: the host reads
  // AzureWebJobsStorage and the deployment package with it.
  dependsOn: [
    rbac
  ]
}

// ---------------------------------------------------------------- outputs
// azd stores these in .azure/<env>/.env; none of them is a secret.

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
@description('URL of the snapshots container; blobs are anonymously readable only when snapshotsPublicRead is true.')
output SNAPSHOT_ENDPOINT string = storage.outputs.snapshotContainerUrl
@description('The portal\'s address on its Static Web App; empty when portalHosting is none. Its deployment token is a secret and no output: az staticwebapp secrets list --name AZURE_STATIC_WEB_APP_NAME --query properties.apiKey -o tsv.')
output PORTAL_URL string = portalHosting == 'staticWebApp' ? portal!.outputs.origin : ''
output AZURE_STATIC_WEB_APP_NAME string = portalHosting == 'staticWebApp' ? portal!.outputs.name : ''
