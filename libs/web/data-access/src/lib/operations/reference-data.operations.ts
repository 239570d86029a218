import { graphql } from '../../generated';

// The staff area's reference-data page (admins): upload CMS files, follow the import job, review
// the preview of what it staged, activate or discard it, roll a table back. File bytes go to
// POST /staff/reference-uploads/<id>/files (uploadReferenceFile below), not through GraphQL.

export const ReleasePreviewFieldsFragment = graphql(`
  fragment ReleasePreviewFields on ReleasePreview {
    againstId
    againstLabel
    rowsBefore
    rowsAfter
    comparedOn
    added {
      count
      examples
    }
    removed {
      count
      examples
    }
    changed {
      count
      examples
    }
    paymentChanges {
      count
      examples
    }
    notes
    warnings
  }
`);

export const ReferenceReleaseFieldsFragment = graphql(`
  fragment ReferenceReleaseFields on ReferenceRelease {
    id
    dataset
    label
    effectiveFrom
    effectiveTo
    sourceFile
    rowCount
    status
    importedAt
    activatedAt
    preview {
      ...ReleasePreviewFields
    }
  }
`);

export const ReferenceUploadFieldsFragment = graphql(`
  fragment ReferenceUploadFields on ReferenceUpload {
    id
    status
    progress
    progressRows
    message
    problem {
      file
      line
      column
      problem
    }
    createdAt
    finishedAt
    files {
      position
      fileName
      size
    }
    releases {
      ...ReferenceReleaseFields
    }
  }
`);

export const ReferenceReleasesQuery = graphql(`
  query ReferenceReleases {
    referenceReleases {
      ...ReferenceReleaseFields
    }
    referenceUploads {
      ...ReferenceUploadFields
    }
  }
`);

export const ReferenceUploadQuery = graphql(`
  query ReferenceUpload($id: String!) {
    referenceUpload(id: $id) {
      ...ReferenceUploadFields
    }
  }
`);

export const StartReferenceUploadMutation = graphql(`
  mutation StartReferenceUpload {
    startReferenceUpload {
      id
    }
  }
`);

export const SubmitReferenceUploadMutation = graphql(`
  mutation SubmitReferenceUpload($id: String!) {
    submitReferenceUpload(id: $id) {
      ...ReferenceUploadFields
    }
  }
`);

export const ActivateReferenceReleaseMutation = graphql(`
  mutation ActivateReferenceRelease($id: String!, $reason: String) {
    activateReferenceRelease(id: $id, reason: $reason) {
      dataset
      active
      replaced
      activeLoaded
      replacedLoaded
    }
  }
`);

export const DiscardReferenceReleaseMutation = graphql(`
  mutation DiscardReferenceRelease($id: String!, $reason: String) {
    discardReferenceRelease(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export const RollBackReferenceDatasetMutation = graphql(`
  mutation RollBackReferenceDataset($dataset: String!, $reason: String) {
    rollBackReferenceDataset(dataset: $dataset, reason: $reason) {
      dataset
      active
      replaced
      activeLoaded
      replacedLoaded
    }
  }
`);

/** The server's refusal of an uploaded file (its JSON error), as a thrown Error with its message. */
export class UploadRefused extends Error {}

/** Sends one file's bytes to an upload started with startReferenceUpload (same-origin session cookie). */
export async function uploadReferenceFile(uploadId: string, file: File): Promise<void> {
  const response = await fetch(`/staff/reference-uploads/${encodeURIComponent(uploadId)}/files?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string; error?: { message?: string } } | null;
    throw new UploadRefused(body?.error?.message ?? body?.message ?? `${file.name} was not accepted (HTTP ${response.status}).`);
  }
}

export const StagedFeeScheduleChangesQuery = graphql(`
  query StagedFeeScheduleChanges($id: String!, $codes: [String!]!) {
    stagedFeeScheduleChanges(id: $id, codes: $codes)
  }
`);
