#!/usr/bin/env bash
# The install step of the uninitlint GitHub Action (action.yml): installs uninitlint into
# $(go env GOPATH)/bin (or $GOBIN). INPUT_VERSION is a module version or query (v0.1.0, a
# commit, latest), installed from the module proxy. Empty, the default, means the action's own
# ref (ACTION_REF, github.action_ref: the tag, branch or commit in `uses: ...@REF`), built from
# the action's checkout in $GITHUB_ACTION_PATH, which the runner has checked out at that ref:
# the action and the linter then always match, for any ref, a fork or a local `uses: ./`.
set -euo pipefail

version=${INPUT_VERSION:-}
if [ -n "$version" ]; then
	echo "installing github.com/uninitlint/uninitlint/cmd/uninitlint@$version"
	go install "github.com/uninitlint/uninitlint/cmd/uninitlint@$version"
else
	echo "installing uninitlint at the action's ref (${ACTION_REF:-local}) from $GITHUB_ACTION_PATH"
	(cd "$GITHUB_ACTION_PATH" && go install ./cmd/uninitlint)
fi
"$(go env GOBIN | grep . || echo "$(go env GOPATH)/bin")/uninitlint" -version
