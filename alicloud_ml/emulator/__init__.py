"""Offline emulator of the aliyun/alicloud Terraform provider.

A real Terraform provider (plugin protocol 6) built at start-up from the pinned schema, that
keeps an emulated cloud in SQLite and rejects what the Alibaba Cloud APIs would reject. Install
it as a filesystem mirror with `alicloud_ml.emulator.install.install(dir)` or
`alicloud-ml emulator install`, so `terraform init` works without network or account.
"""
