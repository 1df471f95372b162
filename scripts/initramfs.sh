#!/bin/bash
# Build the base initramfs of the QEMU bench: a static arm64 busybox from
# Debian and an /init that mounts the usual file systems, runs
# /test/run.sh when an overlay archive provides one, and powers off.
#
#   scripts/initramfs.sh            prints the path of the cached archive
#   scripts/initramfs.sh --cell     the same for the Linux that runs in a
#                                   cell (scripts/guest/cell-init as /init)
#
# Tests and the demo append a second cpio archive (the kernel unpacks
# concatenated archives) with the project's artefacts and a script.
set -euo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${JH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jailhouse-bench}
INIT=$TOP/scripts/guest/init
NAME=base
if [ "${1:-}" = --cell ]; then
	INIT=$TOP/scripts/guest/cell-init
	NAME=cell
fi

busybox_deb() {
	local dir=$CACHE/debs deb
	mkdir -p "$dir"
	deb=$(ls "$dir"/busybox-static_*_arm64.deb 2>/dev/null | tail -n 1)
	if [ -z "$deb" ]; then
		(cd "$dir" && apt-get download -q -o APT::Sandbox::User=root busybox-static:arm64 >&2) || {
			echo "initramfs.sh: cannot download busybox-static:arm64;" \
			     "run scripts/setup-host.sh (it enables arm64)" >&2
			exit 1
		}
		deb=$(ls "$dir"/busybox-static_*_arm64.deb | tail -n 1)
	fi
	echo "$deb"
}

deb=$(busybox_deb)
key=$( { basename "$deb"; cat "$INIT"; } | sha256sum | cut -c1-16)
out=$CACHE/initramfs-$NAME-$key.cpio.gz
if [ ! -f "$out" ]; then
	stage=$(mktemp -d)
	trap 'rm -rf "$stage"' EXIT
	dpkg-deb -x "$deb" "$stage/pkg"
	mkdir -p "$stage/root"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,tmp}
	mkdir -p "$stage/root"/{lib/firmware,lib/modules,root,test}
	cp "$stage/pkg/bin/busybox" "$stage/root/bin/busybox"
	install -m 0755 "$INIT" "$stage/root/init"
	(cd "$stage/root" && find . | sort |
		cpio -o -H newc -R 0:0 --quiet | gzip -9 -n) > "$out.tmp"
	mv "$out.tmp" "$out"
fi
echo "$out"
