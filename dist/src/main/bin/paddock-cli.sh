#!/usr/bin/env bash
#
# Placeholder: Paddock's own shell comes with the client issue. Until then, any Apache ZooKeeper
# 3.5+ zkCli.sh works against a Paddock server: zkCli.sh -server 127.0.0.1:2181

echo "paddock-cli: the Paddock shell is not built yet; use zkCli.sh -server HOST:PORT meanwhile." >&2
exit 1
