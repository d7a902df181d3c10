import { ImageNotFound } from './image-not-found';

export default function NotFound() {
  return <ImageNotFound />;
}
