/**
 * Photos in cloud storage. WeChat uploads with `Taro.cloud.uploadFile`; the H5 build posts the image
 * to the local emulator's `POST /storage/upload`. Either way a photo is known by its cloud file id
 * (`cloud://<envId>.<bucket>/<path>`), which is what matters and progress reports store.
 */

/** What a successful upload answers. */
export interface UploadedPhoto {
  fileID: string
}

/** Displayable URLs of photos, by cloud file id; a file that no longer exists is absent. */
export type PhotoUrls = Record<string, string>
