import { describe, expect, it } from 'vitest';
import { humanize } from './details-value';

describe('humanize', () => {
  it.each([
    ['BaseImage', 'Base image'],
    ['S3Uri', 'S3 URI'],
    ['MLFramework', 'ML framework'],
    ['ModelDataUrl', 'Model data URL'],
    ['ImageDigest', 'Image digest'],
    ['SupportedResponseMIMETypes', 'Supported response MIME types'],
    ['git-commit', 'git commit'],
  ])('%s reads "%s"', (member, words) => {
    expect(humanize(member)).toBe(words);
  });
});
