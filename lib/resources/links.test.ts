import { describe, expect, it } from 'vitest';
import { imagesSpec } from './images';
import { cellHref } from './links';
import { modelPackageGroupsSpec } from './model-package-groups';
import { modelPackagesSpec } from './model-packages';

function column<C extends { id: string }>(spec: { columns: readonly C[] }, id: string): C {
  const found = spec.columns.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no column ${id}`);
  return found;
}

const arn = 'arn:aws:sagemaker:us-east-1:210987654321:model-package-group/central-churn';

describe('cellHref', () => {
  it("opens a row's children as the child names its parent", () => {
    expect(cellHref(imagesSpec, column(imagesSpec, 'name'), { ImageName: 'tf-2.13' }, {}, {})).toBe('/images/tf-2.13');
    const group = { ModelPackageGroupName: 'central-churn', ModelPackageGroupArn: arn };
    const name = column(modelPackageGroupsSpec, 'name');
    expect(cellHref(modelPackageGroupsSpec, name, group, {}, {})).toBe('/model-packages?group=central-churn');
    expect(cellHref(modelPackageGroupsSpec, name, group, { shared: 'only' }, {})).toBe(
      `/model-packages?${new URLSearchParams({ group: arn })}`,
    );
  });

  it('filters its own listing by the value of a filter link, and links nowhere without a value', () => {
    const group = column(modelPackagesSpec, 'group');
    expect(cellHref(modelPackagesSpec, group, { ModelPackageGroupName: 'churn' }, {}, {})).toBe(
      '/model-packages?group=churn',
    );
    expect(cellHref(modelPackagesSpec, group, {}, {}, {})).toBeUndefined();
  });
});
