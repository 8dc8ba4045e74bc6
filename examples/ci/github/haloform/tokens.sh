#!/usr/bin/env bash
# Carries haloform's token store from one pipeline run to the next, encrypted, because Exact Online and Sage
# rotate the refresh token on every use and end the old one. Copy to .github/haloform/tokens.sh.
#   tokens.sh restore   fetch and decrypt the newest store an earlier run of the workflow uploaded
#   tokens.sh seal      encrypt the store this run leaves, for the upload step
# Needs HALOFORM_TOKEN_STORE (the store's path), HALOFORM_TOKEN_STORE_KEY (a secret), and GH_TOKEN for restore.
set -euo pipefail
store=${HALOFORM_TOKEN_STORE:?set HALOFORM_TOKEN_STORE to the token store path}
: "${HALOFORM_TOKEN_STORE_KEY:?set the HALOFORM_TOKEN_STORE_KEY secret}"
folder=$(dirname "$store")
sealed="$store.enc"

case "${1:-}" in
restore)
    mkdir -p "$folder"
    # Runs of haloform.yml and of the drift watch (haloform-drift.yml) share one concurrency group, so the
    # newest finished run of either left the newest store.
    for run in $(gh run list --limit 100 --json databaseId,status,workflowName \
        --jq '.[] | select(.status == "completed" and (.workflowName == "haloform" or .workflowName == "haloform drift"))
            | .databaseId'); do
        if gh run download "$run" --name haloform-tokens --dir "$folder" >/dev/null 2>&1; then
            openssl enc -d -aes-256-cbc -pbkdf2 -pass env:HALOFORM_TOKEN_STORE_KEY -in "$sealed" -out "$store"
            chmod 600 "$store"
            echo "token store restored from run $run"
            exit 0
        fi
    done
    echo "no earlier token store: haloform starts from EXACT_REFRESH_TOKEN and SAGE_REFRESH_TOKEN, if set"
    ;;
seal)
    if [ -f "$store" ]; then
        openssl enc -aes-256-cbc -pbkdf2 -salt -pass env:HALOFORM_TOKEN_STORE_KEY -in "$store" -out "$sealed"
    fi
    ;;
*)
    echo "usage: tokens.sh restore|seal" >&2
    exit 64
    ;;
esac
