#!/usr/bin/env bash
# Release dry run: builds, signs and bundles a release exactly as `-Prelease deploy` does, without
# credentials and without uploading anything, then checks the bundle (scripts/ReleaseChecks.java).
#
#   scripts/release-dry-run.sh [extra Maven arguments, e.g. -q]
#
# It needs the network for Maven Central (plugins and dependencies) but sends nothing anywhere.
#
# What it does, all inside one throwaway directory that is removed at the end
# (set GCAM_DRY_RUN_KEEP=1 to keep it for inspection):
#   1. copies the working tree (tracked and untracked files, not ignored ones such as target/);
#   2. sets a release version in the copy (the current version without -SNAPSHOT, or
#      GCAM_DRY_RUN_VERSION): the central-publishing-maven-plugin bundles release versions only;
#   3. creates a GnuPG home with a new unprotected signing key;
#   4. writes a Maven settings file whose `central` server has dummy credentials;
#   5. runs `./mvnw -Prelease deploy` with gcam.skipPublishing=true: the plugin (0.8.0, see the
#      root pom) stages and zips everything into target/central-publishing/central-bundle.zip and
#      uploads nothing. The Central URL also points at a closed local port, so even a
#      misconfigured run cannot reach the real portal. Nothing is installed into ~/.m2;
#   6. runs `java scripts/ReleaseChecks.java bundle` on the copy and the bundle: every shipped
#      artifact with pom, jar, sources and javadoc, signatures that verify, correct checksums, no
#      sample or benchmark. Exits non-zero if anything is wrong.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
started=$SECONDS

for arg in "$@"; do
  if [[ $arg == -o || $arg == --offline ]]; then
    # The plugin's publish goal declares itself online-only: offline, Maven skips it and no
    # bundle is written (it still uploads nothing here, see gcam.skipPublishing below).
    echo "release-dry-run: cannot run offline: Maven skips the central-publishing publish goal in offline mode" >&2
    exit 2
  fi
done

for tool in git gpg gpgconf java; do
  if ! command -v "$tool" > /dev/null; then
    echo "release-dry-run: '$tool' is not installed (GnuPG: apt-get install gnupg)" >&2
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/gcam-release-dry-run.XXXXXX")
export GNUPGHOME="$work/gnupg"
cleanup() {
  # Stop the gpg-agent this run started for its own GnuPG home, then remove everything.
  if [[ -d $GNUPGHOME ]]; then
    gpgconf --homedir "$GNUPGHOME" --kill all > /dev/null 2>&1 || true
  fi
  if [[ ${GCAM_DRY_RUN_KEEP:-} == 1 ]]; then
    echo "release-dry-run: kept $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

echo "release-dry-run: copying $root to $work/src"
mkdir -p "$work/src"
(
  cd "$root"
  git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do [[ -e $f || -L $f ]] && printf '%s\0' "$f"; done \
    | tar --null -T - -cf - \
    | tar -xf - -C "$work/src"
)

current=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$work/src/pom.xml" | head -n 1)
version=${GCAM_DRY_RUN_VERSION:-${current%-SNAPSHOT}}
bash "$root/scripts/set-version.sh" "$version" "$work/src"

echo "release-dry-run: creating a throwaway signing key in $GNUPGHOME"
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --pinentry-mode loopback --passphrase '' \
  --quick-gen-key 'GCAM release dry run <release-dry-run@gcam.invalid>' ed25519 sign 1d
fingerprint=$(gpg --batch --with-colons --list-secret-keys | awk -F: '$1 == "fpr" { print $10; exit }')

cat > "$work/settings.xml" <<'XML'
<settings>
  <servers>
    <server>
      <id>central</id>
      <username>dry-run-not-a-real-user</username>
      <password>dry-run-not-a-real-token</password>
    </server>
  </servers>
</settings>
XML

echo "release-dry-run: building, signing and bundling $version"
(
  cd "$work/src"
  ./mvnw -B -ntp -s "$work/settings.xml" -Prelease \
    -Dgcam.skipPublishing=true -DcentralBaseUrl=http://127.0.0.1:9 \
    -Dgpg.keyname="$fingerprint" \
    -DskipTests -Dmaven.install.skip=true \
    "$@" deploy > "$work/build.log" 2>&1
) || {
  echo "release-dry-run: the release build failed; last lines of its log:" >&2
  tail -n 60 "$work/build.log" >&2
  exit 1
}

bundle="$work/src/target/central-publishing/central-bundle.zip"
java "$root/scripts/ReleaseChecks.java" bundle "$work/src" "$bundle"
echo "release-dry-run: passed in $((SECONDS - started)) s"
