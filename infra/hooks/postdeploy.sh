#!/usr/bin/env bash
# Subscribes each blob-triggered function to the storage account's Event Grid topic. Runs after
# `azd deploy`, when the app's blobs_extension system key exists. Needs the Azure CLI, signed in.
set -euo pipefail

resource_group="${AZURE_RESOURCE_GROUP:?run through azd}"
app="${AZURE_FUNCTION_APP_NAME:?run through azd}"
topic="${AZURE_EVENT_GRID_TOPIC_NAME:?run through azd}"

key=$(az functionapp keys list --resource-group "$resource_group" --name "$app" --query "systemKeys.blobs_extension" --output tsv)
if [ -z "$key" ]; then
  echo "The blobs_extension key of $app does not exist yet; deploy the app first." >&2
  exit 1
fi

# Function name, then the blob path prefix it watches (container/first folder of the path).
subscriptions=(
  "ParseBankStatement|/blobServices/default/containers/uploads/blobs/"
)

for entry in "${subscriptions[@]}"; do
  function_name="${entry%%|*}"
  subject_prefix="${entry#*|}"
  if ! az functionapp function show --resource-group "$resource_group" --name "$app" --function-name "$function_name" >/dev/null 2>&1; then
    continue
  fi

  endpoint="https://${app}.azurewebsites.net/runtime/webhooks/blobs?functionName=Host.Functions.${function_name}&code=${key}"
  az eventgrid system-topic event-subscription create \
    --resource-group "$resource_group" \
    --system-topic-name "$topic" \
    --name "$(echo "$function_name" | tr '[:upper:]' '[:lower:]')" \
    --endpoint "$endpoint" \
    --endpoint-type webhook \
    --included-event-types Microsoft.Storage.BlobCreated \
    --subject-begins-with "$subject_prefix" \
    --output none
  echo "Subscribed $function_name to blob-created events."
done
