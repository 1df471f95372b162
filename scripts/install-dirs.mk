# SPDX-License-Identifier: GPL-2.0
# Where "make install" puts things (below DESTDIR), included by the
# Makefiles that install; a recipe overrides any of them.
prefix ?= /usr
exec_prefix ?= $(prefix)
sbindir ?= $(exec_prefix)/sbin
bindir ?= $(exec_prefix)/bin
libexecdir ?= $(exec_prefix)/libexec
datadir ?= $(prefix)/share
mandir ?= $(datadir)/man
firmwaredir ?= /lib/firmware
completionsdir ?= $(datadir)/bash-completion/completions
