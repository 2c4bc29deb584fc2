#!/usr/bin/env bash
# Sets the GCAM version in every pom.xml of a checkout: the root project's version and every
# <parent> version that points at it (modules, bom, samples, benchmarks).
#
#   scripts/set-version.sh NEW_VERSION [ROOT]
#
# ROOT defaults to the checkout this script belongs to. Used by releases (docs/releasing.md) and
# by scripts/release-dry-run.sh on its throwaway copy.
set -euo pipefail

new=${1:?usage: scripts/set-version.sh NEW_VERSION [ROOT]}
root=${2:-$(cd "$(dirname "$0")/.." && pwd)}

if [[ ! $new =~ ^[0-9]+\.[0-9]+\.[0-9]+([.-][0-9A-Za-z.-]+)?$ ]]; then
  echo "set-version: '$new' is not a version like 1.2.3 or 1.2.3-SNAPSHOT" >&2
  exit 2
fi

# The root pom has no <parent>, so its first <version> is the project's.
current=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)
if [[ -z $current ]]; then
  echo "set-version: no <version> in $root/pom.xml" >&2
  exit 1
fi
if [[ $current == "$new" ]]; then
  echo "set-version: already $new"
  exit 0
fi

pattern=$(printf '%s' "$current" | sed 's/[][\.*^$/]/\\&/g')
changed=0
while IFS= read -r -d '' pom; do
  if grep -q "<version>$pattern</version>" "$pom"; then
    sed -i.bak "s/<version>$pattern<\/version>/<version>$new<\/version>/g" "$pom"
    rm -f "$pom.bak"
    changed=$((changed + 1))
  fi
done < <(find "$root" -name pom.xml -not -path '*/target/*' -not -path '*/.git/*' -print0)

echo "set-version: $current -> $new in $changed pom.xml files"
