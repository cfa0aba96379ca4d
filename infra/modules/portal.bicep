// The portal (web/dist) on a Free Static Web App. Nothing is built here: web/dist is static, deployed with
// `swa deploy web/dist --deployment-token …` (docs/portal.md). The deployment token is a secret: it is not an
// output; `az staticwebapp secrets list --name NAME --query properties.apiKey -o tsv` prints it.

@description('Name of the Static Web App.')
param name string

@description('Region of the Static Web App (offered in few regions: see main.bicep portalLocation).')
param location string

@description('Tags applied to the Static Web App.')
param tags object

resource portal 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Free'
    tier: 'Free'
  }
  properties: {
    // Deployed from the command line with the deployment token, not from a repository's workflow.
    provider: 'Custom'
    stagingEnvironmentPolicy: 'Disabled'
    allowConfigFileUpdates: true
  }
}

output name string = portal.name
@description('The portal\'s origin (https://…azurestaticapps.net): the blob CORS rule and the Function App\'s CORS list hold it.')
output origin string = 'https://${portal.properties.defaultHostname}'
