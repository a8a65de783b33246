#!/usr/bin/env bash
# Builds quizcard's packages into target/dist, for the platform of the JDK that runs the build
# (mvn package runs this after the jar; docs/install.md):
#   quizcard-VERSION-linux-ARCH.tar.gz  a runtime made by jlink, bin/quizcard, man pages, completions
#   quizcard_VERSION_ARCH.deb           the same tree under /usr/lib/quizcard, quizcard on the PATH
#
#   src/dist/package.sh VERSION JAVA_HOME TARGET_DIR
set -euo pipefail
version="$1" jdk="$2" target="$3"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dist="$target/dist"
work="$target/dist-work"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) arch=x64 deb_arch=amd64 native=Linux/x86_64 ;;
  Linux-aarch64) arch=aarch64 deb_arch=arm64 native=Linux/aarch64 ;;
  *) echo "quizcard packages are built on Linux x86_64 or aarch64 only; skipped on $(uname -s)-$(uname -m)"; exit 0 ;;
esac
if [ -e "/lib/ld-musl-$(uname -m).so.1" ]; then native="Linux-Musl/${native#*/}"; fi

rm -rf "$dist" "$work"
mkdir -p "$dist" "$work"
name="quizcard-$version"
app="$work/$name"

# The modules quizcard's code and libraries use (jdeps); java.desktop, which Jackson names only
# for optional java.beans support, is left out.
modules=java.base,java.logging,java.sql,java.xml,jdk.unsupported
# The modules image uncompressed: the package's gzip packs it smaller than jlink's zip would, and
# the runtime reads it without inflating. The runtime's own class-data archive starts it faster.
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --generate-cds-archive --output "$app/runtime" >/dev/null
# The archive for heaps of 32 GB and more is never used by quizcard. From JDK 25 the AOT cache that
# the first session writes holds the JDK's classes too, so the default archive only speeds that
# first session; left out, the package stays under 30 MB with JDK 25's larger runtime.
rm -f "$app/runtime/lib/server/classes_nocoops.jsa"
if [ "$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')" -ge 25 ]; then
  rm -f "$app/runtime/lib/server/classes.jsa"
fi

mkdir -p "$app/bin" "$app/lib/native" "$app/share/man" "$app/share/doc/quizcard"
install -m 755 "$root/src/dist/bin/quizcard" "$app/bin/quizcard"
cp "$target/quizcard-dist.jar" "$app/lib/quizcard.jar"
cp "$target/native/org/sqlite/native/$native/libsqlitejdbc.so" "$app/lib/native/"
cp -r "$target/man/man1" "$target/man/man5" "$app/share/man/"
gzip -9n "$app"/share/man/man*/*
mkdir -p "$app/share/bash-completion/completions" "$app/share/zsh/site-functions" "$app/share/fish/vendor_completions.d"
cp "$target/completion/quizcard.bash" "$app/share/bash-completion/completions/quizcard"
cp "$target/completion/_quizcard" "$app/share/zsh/site-functions/_quizcard"
cp "$target/completion/quizcard.fish" "$app/share/fish/vendor_completions.d/quizcard.fish"
cp "$root/README.md" "$app/share/doc/quizcard/"
cp "$root/src/dist/copyright" "$app/share/doc/quizcard/copyright"

# Reproducible archives: file times from the newest commit (else now), owners root, names sorted.
stamp="${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}"
find "$app" -exec touch -h -d "@$stamp" {} +
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" -C "$work" -cf - "$name" \
  | gzip -9n >"$dist/$name-linux-$arch.tar.gz"

# The Debian package: the same tree under /usr/lib/quizcard, with the files each tool looks for
# where Debian keeps them.
deb="$work/deb"
mkdir -p "$deb/usr/lib" "$deb/usr/bin" "$deb/usr/share" "$deb/DEBIAN"
cp -a "$app" "$deb/usr/lib/quizcard"
mv "$deb/usr/lib/quizcard/share/man" "$deb/usr/share/man"
mv "$deb/usr/lib/quizcard/share/doc" "$deb/usr/share/doc"
mkdir -p "$deb/usr/share/bash-completion/completions" "$deb/usr/share/zsh/vendor-completions" \
  "$deb/usr/share/fish/vendor_completions.d"
mv "$deb/usr/lib/quizcard/share/bash-completion/completions/quizcard" "$deb/usr/share/bash-completion/completions/"
mv "$deb/usr/lib/quizcard/share/zsh/site-functions/_quizcard" "$deb/usr/share/zsh/vendor-completions/"
mv "$deb/usr/lib/quizcard/share/fish/vendor_completions.d/quizcard.fish" "$deb/usr/share/fish/vendor_completions.d/"
rm -rf "$deb/usr/lib/quizcard/share"
ln -s ../lib/quizcard/bin/quizcard "$deb/usr/bin/quizcard"
size="$(du -sk "$deb/usr" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$deb_arch/" -e "s/@SIZE@/$size/" "$root/src/dist/control" >"$deb/DEBIAN/control"
(cd "$deb" && find usr -type f -print0 | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
find "$deb" -exec touch -h -d "@$stamp" {} +
dpkg-deb --root-owner-group -Zxz --build "$deb" "$dist/quizcard_${version}_$deb_arch.deb" >/dev/null

rm -rf "$work"
for f in "$dist"/*; do echo "quizcard package: ${f#"$target"/} ($(du -h "$f" | cut -f1))"; done
