#!/usr/bin/env bash
# Carries haloform's token store from one pipeline run to the next, encrypted, because Exact Online and Sage
# rotate the refresh token on every use and end the old one. Copy to .github/haloform/tokens.sh.
#   tokens.sh restore   fetch and decrypt the newest store an earlier run of the workflow uploaded
#   tokens.sh seal      encrypt the store this run leaves, for the upload step
# Needs HALOFORM_TOKEN_STORE (the store's path), HALOFORM_TOKEN_STORE_KEY (a secret), and GH_TOKEN for restore.
# HALOFORM_WORKFLOW (workflow files, space-separated) and HALOFORM_TOKENS_ARTIFACT name the workflows and the
# artifact when they are not haloform.yml with haloform-drift.yml and haloform-tokens (haloform-msp.yml keeps one store
# per Halo instance).
set -euo pipefail
store=${HALOFORM_TOKEN_STORE:?set HALOFORM_TOKEN_STORE to the token store path}
workflows=${HALOFORM_WORKFLOW:-haloform.yml haloform-drift.yml}
artifact=${HALOFORM_TOKENS_ARTIFACT:-haloform-tokens}
: "${HALOFORM_TOKEN_STORE_KEY:?set the HALOFORM_TOKEN_STORE_KEY secret}"
folder=$(dirname "$store")
sealed="$store.enc"

case "${1:-}" in
restore)
    mkdir -p "$folder"
    # Runs of these workflows share one concurrency group, so the newest finished run of any of them left the
    # newest store (haloform.yml and the drift watch, haloform-drift.yml, by default).
    runs=$(for name in $workflows; do
        gh run list --workflow "$name" --limit 50 --json databaseId,status,createdAt \
            --jq '.[] | select(.status == "completed") | "\(.createdAt) \(.databaseId)"' 2>/dev/null || true
    done | sort -r | cut -d' ' -f2)
    for run in $runs; do
        if gh run download "$run" --name "$artifact" --dir "$folder" >/dev/null 2>&1; then
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
