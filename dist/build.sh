#!/usr/bin/env bash
# Builds the self-contained distribution from the shaded jar (run by `mvn package`, or by hand
# after it): target/dist/dokploy-doctor-<version>/ and target/dist/dokploy-doctor-<version>-linux-x64.tar.gz
#
#   runtime/   a jlink-trimmed Java runtime: only the modules jdeps finds in the jar, plus the
#              few that are loaded by name and jdeps cannot see (listed below)
#   lib/       the jar; the class list of training runs (dist/classlist.sh); a class-data
#              archive (AppCDS) dumped from it (and batch's own list and archive, batch alone) for the install path /opt/dokploy-doctor (JDK 17
#              archives are tied to the jar's path: the build binds this tree there in a private
#              mount namespace; unpacked elsewhere, bin/dokploy-doctor remakes it once, in ~2 s)
#   bin/       dokploy-doctor, the launcher (POSIX sh)
#   share/     man pages, bash/zsh completion, the bundled knowledge (and its rules) as files
#
# Usage: dist/build.sh [BUILD_DIR]   (BUILD_DIR defaults to target)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
project="$(cd "$here/.." && pwd -P)"
build="$(cd "${1:-$project/target}" && pwd -P)"
jar="$build/dokploy-doctor.jar"
[ -f "$jar" ] || { echo "dist: $jar missing (run mvn package)" >&2; exit 1; }
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$project/pom.xml" | head -n1)
name=dokploy-doctor
out="$build/dist/$name"
tarball="$build/dist/$name-$version-linux-x64.tar.gz"
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
t0=$(date +%s)

rm -rf "$build/dist"
mkdir -p "$out/bin" "$out/lib" "$out/share/man/man1" "$out/share/bash-completion/completions" \
  "$out/share/zsh/site-functions" "$out/share/dokploy-doctor"

# 1. the modules: what jdeps sees, plus what is loaded by name at run time
#    jdk.zipfs       the bundled knowledge is read through a zip file system (FileSystems.newFileSystem)
#    jdk.crypto.ec   HTTPS probes: TLS with ECDHE/ECDSA (almost every site)
#    jdk.charsets    non-UTF-8 logs and terminals
#    jdk.localedata  (not needed: messages are English) -- left out
modules=$("$jdk/bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps "$jar")
# jdk.incubator.vector (Lucene's optional SIMD) is never resolved without --add-modules: left out
modules=$(printf '%s' "$modules" | tr ',' '\n' | grep -v '^jdk\.incubator\.' | paste -sd, -)
# jdk.management: Lucene reads HotSpot's VM options through it by name; without it every command
# that searches the similar reports printed a "not based on Hotspot" warning to stderr
modules="$modules,jdk.zipfs,jdk.crypto.ec,jdk.charsets,jdk.management"
echo "dist: modules $modules"
# --compress=0: the module image stays uncompressed (54 MB, not 25) but gzips to 18 MB instead of
# 24 (the tarball is smaller), and classes need no inflating at start-up. No --generate-cds-archive:
# lib/'s archive is a static one and holds the JDK's classes too (the JDK's own would add 12 MB)
"$jdk/bin/jlink" --add-modules "$modules" --output "$out/runtime" \
  --strip-debug --no-header-files --no-man-pages --compress=0

# 2. the jar and its class-data archive: the class list of the training runs (dist/classlist.sh:
#    every regression case and a guided session on a pipe and on a terminal), in an empty folder so the bundled
#    knowledge is what is loaded; the archive is dumped by the launcher for the install path
cp "$jar" "$out/lib/dokploy-doctor.jar"
cp "$here/dokploy-doctor" "$out/bin/dokploy-doctor"
chmod 755 "$out/bin/dokploy-doctor"
list="$out/lib/dokploy-doctor.classlist"
train=$(mktemp -d)
sh "$here/classlist.sh" "$out/runtime/bin/java" "$out/lib/dokploy-doctor.jar" "$list" "$train" || true
# batch's own list and archive (the launcher maps it for batch: ~10 MiB less resident, as in the checkout)
batch_list="$out/lib/dokploy-doctor-batch.classlist"
sh "$here/classlist.sh" "$out/runtime/bin/java" "$out/lib/dokploy-doctor.jar" "$batch_list" "$train" batch || true
rm -rf "$train"
[ -s "$list" ] || { echo "dist: the training runs wrote no class list" >&2; exit 1; }
[ -s "$batch_list" ] || { echo "dist: the batch training run wrote no class list" >&2; exit 1; }
dump_archive() {
  if unshare -rm true 2>/dev/null; then
    # shellcheck disable=SC2016
    unshare -rm sh -c 'mount -t tmpfs dist /opt && mkdir /opt/dokploy-doctor && mount --bind "$1" /opt/dokploy-doctor \
      && DOKPLOY_DOCTOR_CDS_ONLY=1 /opt/dokploy-doctor/bin/dokploy-doctor' sh "$out"
  else
    echo "dist: no unshare: the class-data archive is made for $out, and remade on first use elsewhere" >&2
    DOKPLOY_DOCTOR_CDS_ONLY=1 "$out/bin/dokploy-doctor"
  fi
}
dump_archive
if [ ! -f "$out/lib/dokploy-doctor.jsa" ] || [ ! -f "$out/lib/dokploy-doctor-batch.jsa" ]; then
  # the dump can fail on archived lambdas (classlist.sh): ship the lists without them
  for l in "$list" "$batch_list"; do grep -v '^@' "$l" > "$l.plain" && mv -f "$l.plain" "$l"; done
  dump_archive
fi
[ -f "$out/lib/dokploy-doctor.jsa" ] || { echo "dist: no class-data archive" >&2; exit 1; }
[ -f "$out/lib/dokploy-doctor-batch.jsa" ] || { echo "dist: no class-data archive for batch" >&2; exit 1; }
echo "dist: class-data archives for $(cat "$out/lib/dokploy-doctor.jsa.path")"

# 3. man pages and completion, generated from the command model
cp_codegen="$(cat "$build/codegen-classpath.txt")"
mandir=$(mktemp -d)
"$out/runtime/bin/java" -cp "$out/lib/dokploy-doctor.jar:$cp_codegen" dev.dokploydoctor.cli.DocsGenerator \
  "$mandir" "$out/share/bash-completion/completions/dokploy-doctor" "$version"
cp "$mandir"/*.1 "$out/share/man/man1/"
rm -rf "$mandir"
# the picocli script works in zsh too (it loads bashcompinit itself): source it from ~/.zshrc
cp "$out/share/bash-completion/completions/dokploy-doctor" "$out/share/zsh/site-functions/dokploy-doctor.zsh"

# 4. the knowledge as files (the jar carries the same; these are to read, copy and extend)
for d in rules knowledge; do [ ! -d "$project/$d" ] || cp -r "$project/$d" "$out/share/dokploy-doctor/"; done
cp "$project/README.md" "$out/share/dokploy-doctor/README.md"
cp "$here/rootfs.sh" "$out/share/dokploy-doctor/rootfs.sh"
cp "$project/Dockerfile" "$out/Dockerfile"

# the tarball; unpacked into /opt, its archive is valid as it is
tar -C "$build/dist" --owner=0 --group=0 -czf "$tarball" "$name"
echo "dist: $tarball ($(du -m "$tarball" | cut -f1) MiB; tree $(du -sm "$out" | cut -f1) MiB) in $(( $(date +%s) - t0 )) s"
