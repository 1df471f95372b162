#!/bin/sh
# The bench's device tree reserves the hypervisor and cell memory with
# no-map: Linux lists it as reserved in /proc/iomem and never as System RAM.
# expect: ^jailhouse@7fc00000 reg: 00000000 7fc00000 00000000 00400000$
# expect: ^jailhouse@7fc00000 no-map: present$
# expect: ^iomem 0x7fc00000-0x7fffffff: reserved$
# expect: ^iomem 0x70000000-0x7fbfffff: reserved$
# expect: ^iomem 0x40000000-0x4fffffff: System RAM$

# Names of the top-level /proc/iomem resources that contain [$1, $2].
containing() {
	grep -v '^ ' /proc/iomem | while IFS= read -r line; do
		range=${line%% : *}
		start=$((0x${range%-*}))
		end=$((0x${range#*-}))
		[ "$start" -le $(($1)) ] && [ "$end" -ge $(($2)) ] &&
			echo "${line#* : }"
	done
}

# A System RAM resource that overlaps [$1, $2] is a failure.
check_not_ram() {
	grep -v '^ ' /proc/iomem | grep ' : System RAM$' |
	while IFS= read -r line; do
		range=${line%% : *}
		start=$((0x${range%-*}))
		end=$((0x${range#*-}))
		if [ "$start" -le $(($2)) ] && [ "$end" -ge $(($1)) ]; then
			echo "FAIL: System RAM $range overlaps $1-$2"
		fi
	done
}

node=/proc/device-tree/reserved-memory/jailhouse@7fc00000
echo "jailhouse@7fc00000 reg: $(od -An -tx1 -v "$node/reg" |
	tr -d ' \n' | sed 's/\(.\{8\}\)/\1 /g;s/ $//')"
[ -e "$node/no-map" ] && echo "jailhouse@7fc00000 no-map: present"
for r in 0x7fc00000-0x7fffffff 0x70000000-0x7fbfffff 0x40000000-0x4fffffff; do
	echo "iomem $r: $(containing ${r%-*} ${r#*-})"
done
check_not_ram 0x70000000 0x7fffffff
cat /proc/iomem
