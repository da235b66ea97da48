import { render } from 'preact';
import { MomentsLibrary } from '../../components/MomentsLibrary';
import './moments.css';

render(<MomentsLibrary />, document.getElementById('app')!);
