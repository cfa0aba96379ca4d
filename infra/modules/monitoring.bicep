// Log Analytics workspace + workspace-based Application Insights.
// Local (instrumentation-key) authentication is disabled: only telemetry sent
// with an Entra ID token (the function app's managed identity, which holds
// Monitoring Metrics Publisher on this component) is accepted.

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Azure region.')
param location string

@description('Tags applied to the resources.')
param tags object

@description('Days Log Analytics keeps data (30 is included in the ingestion price).')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Daily ingestion cap in GB for the workspace; -1 means no cap.')
@minValue(-1)
param dailyQuotaGb int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    workspaceCapping: {
      dailyQuotaGb: dailyQuotaGb
    }
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

output applicationInsightsName string = appInsights.name
// The connection string holds the ingestion endpoint and the instrumentation key,
// which is an identifier, not a secret (and useless here: DisableLocalAuth is true).
output applicationInsightsConnectionString string = appInsights.properties.ConnectionString
output logAnalyticsName string = workspace.name
