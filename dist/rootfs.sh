#!/bin/sh
# The root file system of the container image: the distribution at /opt/dokploy-doctor, the
# shared libraries its runtime links (glibc, ld.so, libz, ...: the jlink runtime of Debian's JDK is
# glibc-linked), dash as /bin/sh for the launcher, /etc/passwd and /etc/group, /tmp. No package
# manager, no other Java. Used by the Dockerfile (in a debian:bookworm-slim stage) and by the
# end-to-end tests (on the Debian 12 build host, then `docker import`).
#
# Usage: rootfs.sh DIST_DIR ROOTFS_DIR
set -eu
dist=$1
out=$2
mkdir -p "$out/opt" "$out/bin" "$out/etc" "$out/tmp" "$out/root"
chmod 1777 "$out/tmp"
cp -a "$dist" "$out/opt/dokploy-doctor"
rm -f "$out/opt/dokploy-doctor/Dockerfile"

# every library the runtime's ELF files need, at the path ldd resolves it to (the desktop
# libraries of java.desktop are left out: java.beans is what is used, never AWT)
libs=$(mktemp)
for f in "$out/opt/dokploy-doctor/runtime/bin/java" $(find "$out/opt/dokploy-doctor/runtime/lib" -name '*.so' \
    ! -name 'libawt_xawt.so' ! -name 'libsplashscreen.so' ! -name 'libjsound.so' ! -name 'libfontmanager.so' \
    ! -name 'liblcms.so' ! -name 'libjavajpeg.so' ! -name 'libmlib_image.so' ! -name 'libawt.so' ! -name 'libjawt.so') /bin/dash; do
  ldd "$f" 2>/dev/null | awk '/=> \// {print $3} /^\t\/[^ ]+ \(/ {print $1}' >> "$libs" || true
done
for lib in $(sort -u "$libs"); do
  case $lib in "$out"/*) continue ;; esac
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
rm -f "$libs"
# the dynamic loader where every binary looks for it
[ -e "$out/lib64/ld-linux-x86-64.so.2" ] || { mkdir -p "$out/lib64"; cp -L /lib64/ld-linux-x86-64.so.2 "$out/lib64/"; }
cp -L /bin/dash "$out/bin/sh"

printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/sh\n' > "$out/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$out/etc/group"
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"

# each class-data archive (the whole one, batch's own) must be made for /opt/dokploy-doctor: the build
# makes them there when it can, and a run of the tree in place remakes the one it used for the tree's path.
# A stale one is dumped again in the new root (as the launcher's prepare does; the launcher itself cannot:
# the root has no mv, rm or /dev/null, and without /proc the runtime finds its libraries by LD_LIBRARY_PATH).
jar=/opt/dokploy-doctor/lib/dokploy-doctor.jar
lib="$out/opt/dokploy-doctor/lib"
for archive in dokploy-doctor dokploy-doctor-batch; do
  [ -f "$lib/$archive.classlist" ] || continue
  [ "$(cat "$lib/$archive.jsa.path" 2>/dev/null || true)" = "$jar" ] && continue
  rm -f "$lib/$archive.jsa" "$lib/$archive.jsa.path"
  if chroot "$out" /bin/sh -c 'LD_LIBRARY_PATH=/opt/dokploy-doctor/runtime/lib exec /opt/dokploy-doctor/runtime/bin/java -Xshare:dump \
      -XX:+UseSerialGC -XX:SharedClassListFile="/opt/dokploy-doctor/lib/$1.classlist" -XX:SharedArchiveFile="/opt/dokploy-doctor/lib/$1.jsa" \
      -cp "$2" -Xlog:disable' sh "$archive" "$jar" >/dev/null 2>&1; then
    printf '%s\n' "$jar" > "$lib/$archive.jsa.path"
  else
    rm -f "$lib/$archive.jsa"
    echo "rootfs: could not make $archive.jsa for /opt (not root?); the image starts without it" >&2
  fi
done
