// Which paths the Terraform format reads (no dependencies: directory scans and suppression
// comments ask this on every run, and must not load the format for a YAML-only run).

/** A Terraform configuration file. */
export function isTerraformPath(path: string): boolean {
  return /\.tf$/i.test(path);
}

/** The variable files `terraform plan` loads by itself (a `-var-file` is not read). */
export function isVarsFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base === 'terraform.tfvars' || base.endsWith('.auto.tfvars');
}

/** Files the Terraform format reads: configuration and the variable files Terraform loads. */
export function isTerraformInput(path: string): boolean {
  return isTerraformPath(path) || isVarsFile(path);
}
